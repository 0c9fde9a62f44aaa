-- Keeps answer_tallies equal to the submitted answers grouped by wave, question and value, whatever writes
-- them: the bot, an import, a deletion (the same rules as the SQLite triggers). A deleted response first
-- deletes its answers, so that their own trigger subtracts them while the response still says it was
-- submitted. A tally's value is the answer's jsonb printed as text; readers parse it.
--
-- Concurrency: a count is raised by one upsert, so two transactions counting the same value at once both
-- count (the second waits for the first's row) and neither fails on the key. A response's answers are
-- counted in question order, so two transactions lock tallies in the same order. An answer's trigger reads
-- its response FOR SHARE: a submit running at the same time either sees the answer or is seen by it.
CREATE FUNCTION answer_tallies_count(wave integer, question text, answer jsonb, delta integer)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF delta > 0 THEN
    INSERT INTO answer_tallies (wave_id, question_id, value, count)
      VALUES (wave, question, answer::text, 1)
      ON CONFLICT (wave_id, question_id, value) DO UPDATE SET count = answer_tallies.count + 1;
  ELSE
    UPDATE answer_tallies SET count = count - 1
      WHERE wave_id = wave AND question_id = question AND value = answer::text;
    DELETE FROM answer_tallies
      WHERE wave_id = wave AND question_id = question AND value = answer::text AND count = 0;
  END IF;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION answer_tallies_count_response(response bigint, wave integer, delta integer)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  given record;
BEGIN
  FOR given IN SELECT question_id, value FROM answers WHERE response_id = response ORDER BY question_id LOOP
    PERFORM answer_tallies_count(wave, given.question_id, given.value, delta);
  END LOOP;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION answer_tallies_on_submit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM answer_tallies_count_response(NEW.id, NEW.wave_id, 1);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER answer_tallies_on_submit AFTER UPDATE OF submitted_at ON responses
FOR EACH ROW WHEN (OLD.submitted_at IS NULL AND NEW.submitted_at IS NOT NULL)
EXECUTE FUNCTION answer_tallies_on_submit();
--> statement-breakpoint
CREATE FUNCTION answer_tallies_on_unsubmit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM answer_tallies_count_response(NEW.id, NEW.wave_id, -1);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER answer_tallies_on_unsubmit AFTER UPDATE OF submitted_at ON responses
FOR EACH ROW WHEN (OLD.submitted_at IS NOT NULL AND NEW.submitted_at IS NULL)
EXECUTE FUNCTION answer_tallies_on_unsubmit();
--> statement-breakpoint
CREATE FUNCTION answer_tallies_on_response_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM answers WHERE response_id = OLD.id;
  RETURN OLD;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER answer_tallies_on_response_delete BEFORE DELETE ON responses
FOR EACH ROW EXECUTE FUNCTION answer_tallies_on_response_delete();
--> statement-breakpoint
-- The wave of a submitted response, or null while it is a draft.
CREATE FUNCTION answer_tallies_submitted_wave(response bigint) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  wave integer;
  submitted timestamptz;
BEGIN
  SELECT wave_id, submitted_at INTO wave, submitted FROM responses WHERE id = response FOR SHARE;
  RETURN CASE WHEN submitted IS NULL THEN NULL ELSE wave END;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION answer_tallies_on_answer_insert() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  wave integer := answer_tallies_submitted_wave(NEW.response_id);
BEGIN
  IF wave IS NOT NULL THEN
    PERFORM answer_tallies_count(wave, NEW.question_id, NEW.value, 1);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER answer_tallies_on_answer_insert AFTER INSERT ON answers
FOR EACH ROW EXECUTE FUNCTION answer_tallies_on_answer_insert();
--> statement-breakpoint
CREATE FUNCTION answer_tallies_on_answer_delete() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  wave integer := answer_tallies_submitted_wave(OLD.response_id);
BEGIN
  IF wave IS NOT NULL THEN
    PERFORM answer_tallies_count(wave, OLD.question_id, OLD.value, -1);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER answer_tallies_on_answer_delete AFTER DELETE ON answers
FOR EACH ROW EXECUTE FUNCTION answer_tallies_on_answer_delete();
--> statement-breakpoint
CREATE FUNCTION answer_tallies_on_answer_update() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  wave integer := answer_tallies_submitted_wave(NEW.response_id);
BEGIN
  IF wave IS NOT NULL THEN
    PERFORM answer_tallies_count(wave, OLD.question_id, OLD.value, -1);
    PERFORM answer_tallies_count(wave, NEW.question_id, NEW.value, 1);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER answer_tallies_on_answer_update AFTER UPDATE OF value ON answers
FOR EACH ROW WHEN (OLD.value IS DISTINCT FROM NEW.value)
EXECUTE FUNCTION answer_tallies_on_answer_update();
