-- Credentials are now sealed to the runners' public key (otc2: X25519 ephemeral-static ECDH + HKDF-SHA256 +
-- AES-256-GCM; see packages/db/src/credentials), so the API that stores them cannot open them. The checks that
-- refuse anything not an envelope accept otc2 next to otc1, which db:rotate-credentials re-seals as otc2.

alter table public.api_credentials
  drop constraint api_credentials_api_key_is_ciphertext,
  drop constraint api_credentials_api_secret_is_ciphertext,
  drop constraint api_credentials_passphrase_is_ciphertext,
  drop constraint api_credentials_private_key_is_ciphertext;

alter table public.api_credentials
  add constraint api_credentials_api_key_is_ciphertext
    check (api_key ~ '^(otc1(\.[A-Za-z0-9_-]+){4}|otc2(\.[A-Za-z0-9_-]+){5})$'),
  add constraint api_credentials_api_secret_is_ciphertext
    check (api_secret ~ '^(otc1(\.[A-Za-z0-9_-]+){4}|otc2(\.[A-Za-z0-9_-]+){5})$'),
  add constraint api_credentials_passphrase_is_ciphertext
    check (passphrase ~ '^(otc1(\.[A-Za-z0-9_-]+){4}|otc2(\.[A-Za-z0-9_-]+){5})$'),
  add constraint api_credentials_private_key_is_ciphertext
    check (private_key ~ '^(otc1(\.[A-Za-z0-9_-]+){4}|otc2(\.[A-Za-z0-9_-]+){5})$');

comment on column public.api_credentials.api_key is 'L2 API key, sealed to the runners'' public key (otc2 envelope bound to row, user, column and key id). NULL until created or derived; a runner keeps the derived trio.';
comment on column public.api_credentials.private_key is 'Wallet private key for EIP-712 order signing, sealed like api_key; opened in a runner''s memory only for one call.';
