CREATE TABLE `loaner_holds` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`dealer_id` text NOT NULL,
	`loaner_id` text NOT NULL,
	`customer_name` text NOT NULL,
	`customer_phone` text NOT NULL,
	`out_move_id` integer,
	`return_move_id` integer,
	`starts_at` integer NOT NULL,
	`ends_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `loaner_holds_loaner_idx` ON `loaner_holds` (`loaner_id`,`starts_at`);--> statement-breakpoint
CREATE INDEX `loaner_holds_out_idx` ON `loaner_holds` (`out_move_id`);--> statement-breakpoint
CREATE INDEX `loaner_holds_return_idx` ON `loaner_holds` (`return_move_id`);--> statement-breakpoint
-- Hand-written data backfill (not generated): holds for loaner legs booked before holds existed,
-- under the same rule the service now applies (lib/moves/holds.ts). 1) Each pickup's fleet loaner
-- is out from its ready-by time.
INSERT INTO `loaner_holds` (`dealer_id`, `loaner_id`, `customer_name`, `customer_phone`, `out_move_id`, `starts_at`)
SELECT m.`dealer_id`, m.`loaner_id`, b.`customer_name`, b.`customer_phone`, m.`id`, b.`ready_by_at`
FROM `moves` m JOIN `move_bookings` b ON b.`id` = m.`booking_id`
WHERE m.`role` = 'loaner' AND m.`loaner_id` IS NOT NULL AND b.`customer_action` = 'pickup'
  AND (m.`cancel_status` IS NULL OR m.`cancel_status` NOT IN ('succeeded', 'partial'));
--> statement-breakpoint
-- 2) ...until the same customer's next return of that loaner.
UPDATE `loaner_holds` SET `return_move_id` = (
  SELECT rm.`id` FROM `moves` rm JOIN `move_bookings` rb ON rb.`id` = rm.`booking_id`
  WHERE rm.`role` = 'loaner' AND rm.`loaner_id` = `loaner_holds`.`loaner_id` AND rb.`customer_action` = 'return'
    AND rb.`customer_phone` = `loaner_holds`.`customer_phone` AND rb.`appointment_at` > `loaner_holds`.`starts_at`
    AND (rm.`cancel_status` IS NULL OR rm.`cancel_status` NOT IN ('succeeded', 'partial'))
    -- The latest pickup before a return owns it: no later pickup of that loaner comes in between.
    AND NOT EXISTS (
      SELECT 1 FROM `loaner_holds` h2
      WHERE h2.`loaner_id` = `loaner_holds`.`loaner_id` AND h2.`out_move_id` IS NOT NULL
        AND h2.`starts_at` > `loaner_holds`.`starts_at` AND h2.`starts_at` < rb.`appointment_at`)
  ORDER BY rb.`appointment_at` LIMIT 1)
WHERE `out_move_id` IS NOT NULL;
--> statement-breakpoint
-- 3) Returns that collect a loaner no pickup handed out: it is with the customer since the booking.
INSERT INTO `loaner_holds` (`dealer_id`, `loaner_id`, `customer_name`, `customer_phone`, `return_move_id`, `starts_at`)
SELECT m.`dealer_id`, m.`loaner_id`, b.`customer_name`, b.`customer_phone`, m.`id`, b.`created_at`
FROM `moves` m JOIN `move_bookings` b ON b.`id` = m.`booking_id`
WHERE m.`role` = 'loaner' AND m.`loaner_id` IS NOT NULL AND b.`customer_action` = 'return'
  AND (m.`cancel_status` IS NULL OR m.`cancel_status` NOT IN ('succeeded', 'partial'))
  AND m.`id` NOT IN (SELECT `return_move_id` FROM `loaner_holds` WHERE `return_move_id` IS NOT NULL);
--> statement-breakpoint
-- 4) A hold with a return ends when that return delivered the loaner, or is due to.
UPDATE `loaner_holds` SET `ends_at` = (
  SELECT coalesce(rm.`delivery_successful`, rb.`appointment_at` + l.`duration_minutes` * 60000)
  FROM `moves` rm JOIN `move_bookings` rb ON rb.`id` = rm.`booking_id` JOIN `lanes` l ON l.`id` = rm.`lane_id`
  WHERE rm.`id` = `loaner_holds`.`return_move_id`)
WHERE `return_move_id` IS NOT NULL;
--> statement-breakpoint
-- 5) A loan still open when the same loaner went out again must have come back first (staff had no
-- way to record it then): it ends where the next one starts, so no two loans overlap.
UPDATE `loaner_holds` SET `ends_at` = (
  SELECT min(h2.`starts_at`) FROM `loaner_holds` h2
  WHERE h2.`loaner_id` = `loaner_holds`.`loaner_id` AND h2.`starts_at` > `loaner_holds`.`starts_at`)
WHERE `ends_at` IS NULL AND EXISTS (
  SELECT 1 FROM `loaner_holds` h2
  WHERE h2.`loaner_id` = `loaner_holds`.`loaner_id` AND h2.`starts_at` > `loaner_holds`.`starts_at`);
