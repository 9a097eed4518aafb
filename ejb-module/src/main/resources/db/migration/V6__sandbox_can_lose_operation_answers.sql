-- Sandbox card 4000000000001034: its payment's captures, voids and refunds are done, but the
-- first answer to each is lost on its way back, so recovery's resend is what learns it.
alter table sandbox_acquirer_record add column loses_operation_answers boolean not null default false;
