-- Hand-written. No dead ends (issue 14): the admin can retry a notice delivery that gave up. A retried
-- delivery gets a fresh delivery window (WEBHOOK_GIVE_UP_HOURS) counted from the retry, not from the notice.
ALTER TABLE "notice_deliveries" ADD COLUMN "retried_at" timestamp with time zone;
