declare module "jstat" {
  /** The part of jStat the statistics use. */
  interface JStat {
    /** Natural logarithm of the gamma function. */
    gammaln(x: number): number;
    /** Regularised incomplete beta function I_x(a, b). */
    ibeta(x: number, a: number, b: number): number;
  }
  const jStat: JStat;
  export default jStat;
}
