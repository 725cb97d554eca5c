-- An Idempotency-Key is its caller's own: an answer is replayed only to the subject whose request it answered, so a
-- caller who sends someone else's key runs their own request instead of reading another's answer. Requests without
-- a token (registrations), and the records stored before callers were known, belong to the subject ''.
ALTER TABLE idempotency_record ADD COLUMN subject varchar(255) NOT NULL DEFAULT '';
ALTER TABLE idempotency_record DROP CONSTRAINT idempotency_record_pkey;
ALTER TABLE idempotency_record ADD PRIMARY KEY (subject, idempotency_key);
