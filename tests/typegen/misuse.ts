// Deliberate misuse: every marked line must be a type error (the test counts them).
import { createClient } from "@supabase/supabase-js"

import type { Database, TablesInsert } from "./database"

const supabase = createClient<Database>("https://example.supabase.co", "public-anon-key")

export async function misuse(userId: string) {
  await supabase.from("user_profile").select("*") // MISUSE: no such table
  const order: TablesInsert<"orders"> = {
    user_id: userId,
    order_type: "teleport", // MISUSE: not an order_type
  }
  await supabase.rpc("get_user_stats", { user_id: userId }) // MISUSE: the argument is user_uuid
  await supabase.rpc("check_rate_limit", { user_uuid: userId }) // MISUSE: arguments missing
  const { data } = await supabase.from("user_profiles").select("*").single()
  const credits: string = data!.credits // MISUSE: credits is a number
  return { order, credits }
}
