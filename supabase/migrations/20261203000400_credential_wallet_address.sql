-- The wallet address derived from a stored private key, so a trader can see which wallet the bots trade from
-- without any secret coming back. It is public information (an address, not a key), so the user may read it.

alter table public.api_credentials
  add column wallet_address text
    constraint api_credentials_wallet_address_format check (wallet_address ~ '^0x[0-9a-fA-F]{40}$');

comment on column public.api_credentials.wallet_address is
  'Address of the stored private key (derived by the API before sealing); public, readable by its owner.';

grant select (wallet_address) on table public.api_credentials to authenticated;
