-- Reference data: the settings and feature flags the platform starts with, keyed by `key`.
-- `plan` inserts missing rows and updates changed ones; settings that are not declared here
-- (added by admins at run time) are left alone.

insert into public.system_settings (key, value, description, category, is_public) values
  ('site.name', '"Creo"', 'Product name shown in the app and e-mails.', 'general', true),
  ('site.support_email', '"support@creo.app"', 'Where users are told to write.', 'general', true),
  ('site.maintenance_mode', 'false', 'When true the app shows a maintenance page and refuses new orders.', 'general', true),
  ('credits.signup_bonus', '10', 'Credits given to every new account at sign-up.', 'credits', false),
  ('credits.price_cents', '100', 'Price of one credit, in cents.', 'billing', true),
  ('credits.packages', '[{"credits": 10, "price_cents": 900}, {"credits": 50, "price_cents": 4000}, {"credits": 200, "price_cents": 14000}]',
   'Credit packages offered at checkout.', 'billing', true),
  ('plans.limits', '{"free": {"downloads_per_day": 5, "api_access": false}, "basic": {"downloads_per_day": 50, "api_access": false}, "pro": {"downloads_per_day": 500, "api_access": true}, "enterprise": {"downloads_per_day": null, "api_access": true}}',
   'What each subscription plan allows.', 'billing', true),
  ('downloads.link_ttl_hours', '168', 'How long a download link stays valid (hours).', 'downloads', false),
  ('downloads.max_file_size_mb', '500', 'Largest file a download may point to.', 'downloads', false),
  ('api_keys.max_per_user', '10', 'Active API keys a user may hold.', 'api', false),
  ('rate_limits.api_calls_per_hour', '1000', 'Default check_rate_limit() budget for api_calls.', 'api', false),
  ('rate_limits.ai_generations_per_hour', '30', 'Default check_rate_limit() budget for ai_generation.', 'api', false),
  ('admin_logs.retention_days', '90', 'Days before archive_old_admin_logs() moves audit entries to the archive.', 'security', false),
  ('feature.stock_downloads', 'true', 'Feature flag: stock asset downloads.', 'features', true),
  ('feature.ai_generation', 'true', 'Feature flag: AI image generation.', 'features', true),
  ('feature.api_access', 'true', 'Feature flag: API keys and programmatic access.', 'features', true),
  ('feature.public_saved_searches', 'true', 'Feature flag: sharing saved searches publicly.', 'features', true),
  ('feature.new_dashboard', 'false', 'Feature flag: the redesigned dashboard (rolling out).', 'features', true);
