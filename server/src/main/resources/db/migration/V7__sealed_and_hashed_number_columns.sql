-- Real numbers at rest: a keyed hash (HMAC-SHA256, base64url) where a number is a lookup or
-- grouping key, an AES-GCM sealed value ("<keyId>:<base64url>") where it is needed in clear later.
-- This step adds the new columns; V7.1 (a Java migration, io.callmask.privacy.SealNumbersMigration)
-- fills them from the plaintext ones and V7.2 drops those.
alter table retailers add column phone_sealed varchar(255);
alter table orders add column customer_phone_sealed varchar(255);
alter table orders add column customer_phone_hash varchar(64);
alter table parties add column real_number_sealed varchar(255);
alter table parties add column real_number_hash varchar(64);
alter table routes add column real_number_hash varchar(64);
alter table hub_routes add column real_number_hash varchar(64);
alter table released_pairs add column real_number_hash varchar(64);
alter table released_pairs add column counterpart_hash varchar(64);
