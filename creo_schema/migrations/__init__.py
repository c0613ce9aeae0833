"""Supabase CLI migrations: a proven plan written where `supabase db push` reads, and each
apply recorded where `supabase migration list` looks."""
