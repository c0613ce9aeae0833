// The platform guide's usage examples against a typed supabase-js client. Must type-check.
import { createClient } from "@supabase/supabase-js"

import type { Database, Enums, Tables, TablesInsert } from "./database"

const supabase = createClient<Database>("https://example.supabase.co", "public-anon-key")

export async function getProfile(userId: string): Promise<Tables<"user_profiles"> | null> {
  const { data, error } = await supabase
    .from("user_profiles")
    .select("*")
    .eq("id", userId)
    .single()
  if (error) throw error
  const credits: number = data.credits
  const role: Enums<"user_role"> = data.role
  const email: string | null = data.email
  console.log(credits, role, email)
  return data
}

export async function createOrder(userId: string) {
  const order: TablesInsert<"orders"> = {
    user_id: userId,
    order_type: "stock_download",
    items: [{ id: "123", type: "image" }],
    total_cost: 500,
    credits_used: 5,
  }
  const { data, error } = await supabase.from("orders").insert(order).select().single()
  if (error) throw error
  const status: Enums<"order_status"> = data.status
  const id: string = data.id
  return { id, status }
}

export async function userStats(userId: string) {
  const { data } = await supabase.rpc("get_user_stats", { user_uuid: userId })
  return data
}

export async function rateLimited(userId: string): Promise<boolean> {
  const { data, error } = await supabase.rpc("check_rate_limit", {
    user_uuid: userId,
    action_type: "download",
    limit_count: 100,
    time_window: "1 hour",
  })
  if (error) throw error
  return !data
}

export async function apiKey(key: string) {
  const { data } = await supabase.rpc("validate_api_key", { api_key: key })
  const first = data?.[0]
  const valid: boolean | undefined = first?.is_valid
  const scopes: Enums<"api_key_scope">[] | undefined = first?.scopes
  return { valid, scopes }
}

export async function systemStats() {
  const { data } = await supabase.rpc("get_system_stats")
  return data
}
