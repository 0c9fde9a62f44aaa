import type { ResultRepository } from "../../src/db/result-repository.ts";
import type { ResponseStore } from "../../src/interchange/response-store.ts";

/**
 * The stores, each holding its imports before they store until one import on every store has looked its rows
 * up: imports of the same respondents at the same moment, each having found them new.
 */
export function meetingAtInsert(stores: ResponseStore[]): ResponseStore[] {
  let arrived = 0;
  let allArrived = () => {};
  const meeting = new Promise<void>((settle) => {
    allArrived = settle;
  });
  return stores.map((store) => {
    const results: ResultRepository = Object.create(store.results);
    results.insertSubmitted = async (...args) => {
      arrived += 1;
      if (arrived === stores.length) allArrived();
      await meeting;
      return store.results.insertSubmitted(...args);
    };
    return { ...store, results };
  });
}
