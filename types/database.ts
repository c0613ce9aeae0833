export type Json =
  | string
  | number
  | boolean
  | null
  | { [key: string]: Json | undefined }
  | Json[]

export type Database = {
  public: {
    Tables: {
      admin_logs: {
        Row: {
          action: string
          admin_id: string | null
          created_at: string
          details: Json
          id: string
          ip_address: unknown
          target_id: string | null
          target_type: string
          user_agent: string | null
        }
        Insert: {
          action: string
          admin_id?: string | null
          created_at?: string
          details?: Json
          id?: string
          ip_address?: unknown
          target_id?: string | null
          target_type: string
          user_agent?: string | null
        }
        Update: {
          action?: string
          admin_id?: string | null
          created_at?: string
          details?: Json
          id?: string
          ip_address?: unknown
          target_id?: string | null
          target_type?: string
          user_agent?: string | null
        }
        Relationships: []
      }
      api_keys: {
        Row: {
          created_at: string
          expires_at: string | null
          id: string
          key_hash: string
          key_prefix: string
          last_used_at: string | null
          name: string
          revoked_at: string | null
          scopes: Database["public"]["Enums"]["api_key_scope"][]
          updated_at: string
          usage_count: number
          user_id: string
        }
        Insert: {
          created_at?: string
          expires_at?: string | null
          id?: string
          key_hash: string
          key_prefix: string
          last_used_at?: string | null
          name: string
          revoked_at?: string | null
          scopes?: Database["public"]["Enums"]["api_key_scope"][]
          updated_at?: string
          usage_count?: number
          user_id: string
        }
        Update: {
          created_at?: string
          expires_at?: string | null
          id?: string
          key_hash?: string
          key_prefix?: string
          last_used_at?: string | null
          name?: string
          revoked_at?: string | null
          scopes?: Database["public"]["Enums"]["api_key_scope"][]
          updated_at?: string
          usage_count?: number
          user_id?: string
        }
        Relationships: []
      }
      archived_admin_logs: {
        Row: {
          action: string
          admin_id: string | null
          archived_at: string
          created_at: string
          details: Json
          id: string
          ip_address: unknown
          target_id: string | null
          target_type: string
          user_agent: string | null
        }
        Insert: {
          action: string
          admin_id?: string | null
          archived_at?: string
          created_at: string
          details?: Json
          id: string
          ip_address?: unknown
          target_id?: string | null
          target_type: string
          user_agent?: string | null
        }
        Update: {
          action?: string
          admin_id?: string | null
          archived_at?: string
          created_at?: string
          details?: Json
          id?: string
          ip_address?: unknown
          target_id?: string | null
          target_type?: string
          user_agent?: string | null
        }
        Relationships: []
      }
      credit_transactions: {
        Row: {
          amount: number
          balance_after: number
          created_at: string
          created_by: string | null
          id: string
          reason: Database["public"]["Enums"]["credit_reason"]
          user_id: string
        }
        Insert: {
          amount: number
          balance_after: number
          created_at?: string
          created_by?: string | null
          id?: string
          reason: Database["public"]["Enums"]["credit_reason"]
          user_id: string
        }
        Update: {
          amount?: number
          balance_after?: number
          created_at?: string
          created_by?: string | null
          id?: string
          reason?: Database["public"]["Enums"]["credit_reason"]
          user_id?: string
        }
        Relationships: []
      }
      downloads: {
        Row: {
          asset_id: string | null
          created_at: string
          download_count: number
          expires_at: string
          file_name: string
          file_size: number | null
          file_type: string | null
          file_url: string
          folder: string | null
          id: string
          is_active: boolean
          last_downloaded_at: string | null
          metadata: Json
          order_id: string | null
          updated_at: string
          user_id: string
        }
        Insert: {
          asset_id?: string | null
          created_at?: string
          download_count?: number
          expires_at: string
          file_name: string
          file_size?: number | null
          file_type?: string | null
          file_url: string
          folder?: string | null
          id?: string
          is_active?: boolean
          last_downloaded_at?: string | null
          metadata?: Json
          order_id?: string | null
          updated_at?: string
          user_id: string
        }
        Update: {
          asset_id?: string | null
          created_at?: string
          download_count?: number
          expires_at?: string
          file_name?: string
          file_size?: number | null
          file_type?: string | null
          file_url?: string
          folder?: string | null
          id?: string
          is_active?: boolean
          last_downloaded_at?: string | null
          metadata?: Json
          order_id?: string | null
          updated_at?: string
          user_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "downloads_order_id_fkey"
            columns: ["order_id"]
            isOneToOne: false
            referencedRelation: "orders"
            referencedColumns: ["id"]
          },
        ]
      }
      orders: {
        Row: {
          completed_at: string | null
          created_at: string
          credits_used: number
          error_message: string | null
          id: string
          items: Json
          metadata: Json
          order_type: Database["public"]["Enums"]["order_type"]
          status: Database["public"]["Enums"]["order_status"]
          total_cost: number
          updated_at: string
          user_id: string
        }
        Insert: {
          completed_at?: string | null
          created_at?: string
          credits_used?: number
          error_message?: string | null
          id?: string
          items?: Json
          metadata?: Json
          order_type: Database["public"]["Enums"]["order_type"]
          status?: Database["public"]["Enums"]["order_status"]
          total_cost?: number
          updated_at?: string
          user_id: string
        }
        Update: {
          completed_at?: string | null
          created_at?: string
          credits_used?: number
          error_message?: string | null
          id?: string
          items?: Json
          metadata?: Json
          order_type?: Database["public"]["Enums"]["order_type"]
          status?: Database["public"]["Enums"]["order_status"]
          total_cost?: number
          updated_at?: string
          user_id?: string
        }
        Relationships: []
      }
      payments: {
        Row: {
          amount: number
          created_at: string
          credits_purchased: number
          currency: string
          description: string | null
          id: string
          metadata: Json
          order_id: string | null
          refund_amount: number
          refunded_at: string | null
          status: Database["public"]["Enums"]["payment_status"]
          stripe_payment_intent_id: string
          updated_at: string
          user_id: string | null
        }
        Insert: {
          amount: number
          created_at?: string
          credits_purchased?: number
          currency?: string
          description?: string | null
          id?: string
          metadata?: Json
          order_id?: string | null
          refund_amount?: number
          refunded_at?: string | null
          status?: Database["public"]["Enums"]["payment_status"]
          stripe_payment_intent_id: string
          updated_at?: string
          user_id?: string | null
        }
        Update: {
          amount?: number
          created_at?: string
          credits_purchased?: number
          currency?: string
          description?: string | null
          id?: string
          metadata?: Json
          order_id?: string | null
          refund_amount?: number
          refunded_at?: string | null
          status?: Database["public"]["Enums"]["payment_status"]
          stripe_payment_intent_id?: string
          updated_at?: string
          user_id?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "payments_order_id_fkey"
            columns: ["order_id"]
            isOneToOne: false
            referencedRelation: "orders"
            referencedColumns: ["id"]
          },
        ]
      }
      rate_limit_events: {
        Row: {
          action_type: string
          created_at: string
          id: string
          user_id: string
        }
        Insert: {
          action_type: string
          created_at?: string
          id?: string
          user_id: string
        }
        Update: {
          action_type?: string
          created_at?: string
          id?: string
          user_id?: string
        }
        Relationships: []
      }
      saved_searches: {
        Row: {
          created_at: string
          filters: Json
          id: string
          is_public: boolean
          name: string
          search_query: string
          updated_at: string
          user_id: string
        }
        Insert: {
          created_at?: string
          filters?: Json
          id?: string
          is_public?: boolean
          name: string
          search_query?: string
          updated_at?: string
          user_id: string
        }
        Update: {
          created_at?: string
          filters?: Json
          id?: string
          is_public?: boolean
          name?: string
          search_query?: string
          updated_at?: string
          user_id?: string
        }
        Relationships: []
      }
      system_settings: {
        Row: {
          category: string
          created_at: string
          description: string | null
          is_public: boolean
          key: string
          updated_at: string
          updated_by: string | null
          value: Json
        }
        Insert: {
          category?: string
          created_at?: string
          description?: string | null
          is_public?: boolean
          key: string
          updated_at?: string
          updated_by?: string | null
          value: Json
        }
        Update: {
          category?: string
          created_at?: string
          description?: string | null
          is_public?: boolean
          key?: string
          updated_at?: string
          updated_by?: string | null
          value?: Json
        }
        Relationships: []
      }
      user_preferences: {
        Row: {
          created_at: string
          email_notifications: boolean
          high_contrast: boolean
          language: string
          marketing_emails: boolean
          notification_settings: Json
          push_notifications: boolean
          reduced_motion: boolean
          theme: Database["public"]["Enums"]["ui_theme"]
          timezone: string
          updated_at: string
          user_id: string
        }
        Insert: {
          created_at?: string
          email_notifications?: boolean
          high_contrast?: boolean
          language?: string
          marketing_emails?: boolean
          notification_settings?: Json
          push_notifications?: boolean
          reduced_motion?: boolean
          theme?: Database["public"]["Enums"]["ui_theme"]
          timezone?: string
          updated_at?: string
          user_id: string
        }
        Update: {
          created_at?: string
          email_notifications?: boolean
          high_contrast?: boolean
          language?: string
          marketing_emails?: boolean
          notification_settings?: Json
          push_notifications?: boolean
          reduced_motion?: boolean
          theme?: Database["public"]["Enums"]["ui_theme"]
          timezone?: string
          updated_at?: string
          user_id?: string
        }
        Relationships: []
      }
      user_profiles: {
        Row: {
          avatar_url: string | null
          created_at: string
          credits: number
          email: string | null
          full_name: string | null
          id: string
          metadata: Json
          role: Database["public"]["Enums"]["user_role"]
          stripe_customer_id: string | null
          subscription_expires_at: string | null
          subscription_plan: Database["public"]["Enums"]["subscription_plan"]
          subscription_status: Database["public"]["Enums"]["subscription_status"]
          updated_at: string
        }
        Insert: {
          avatar_url?: string | null
          created_at?: string
          credits?: number
          email?: string | null
          full_name?: string | null
          id: string
          metadata?: Json
          role?: Database["public"]["Enums"]["user_role"]
          stripe_customer_id?: string | null
          subscription_expires_at?: string | null
          subscription_plan?: Database["public"]["Enums"]["subscription_plan"]
          subscription_status?: Database["public"]["Enums"]["subscription_status"]
          updated_at?: string
        }
        Update: {
          avatar_url?: string | null
          created_at?: string
          credits?: number
          email?: string | null
          full_name?: string | null
          id?: string
          metadata?: Json
          role?: Database["public"]["Enums"]["user_role"]
          stripe_customer_id?: string | null
          subscription_expires_at?: string | null
          subscription_plan?: Database["public"]["Enums"]["subscription_plan"]
          subscription_status?: Database["public"]["Enums"]["subscription_status"]
          updated_at?: string
        }
        Relationships: []
      }
    }
    Views: {
      admin_dashboard: {
        Row: {
          active_api_keys: number | null
          active_downloads: number | null
          active_subscriptions: number | null
          admin_actions_24h: number | null
          failed_orders_7d: number | null
          generated_at: string | null
          new_users_7d: number | null
          pending_orders: number | null
          processing_orders: number | null
          revenue_30d: number | null
          total_downloads: number | null
          total_orders: number | null
          total_revenue: number | null
          total_users: number | null
        }
        Relationships: []
      }
      user_dashboard: {
        Row: {
          active_api_keys: number | null
          active_downloads: number | null
          active_orders: number | null
          avatar_url: string | null
          completed_orders: number | null
          credits: number | null
          credits_spent: number | null
          email: string | null
          full_name: string | null
          last_order_at: string | null
          member_since: string | null
          saved_searches: number | null
          subscription_expires_at: string | null
          subscription_plan:
            | Database["public"]["Enums"]["subscription_plan"]
            | null
          subscription_status:
            | Database["public"]["Enums"]["subscription_status"]
            | null
          total_orders: number | null
          user_id: string | null
        }
        Relationships: []
      }
    }
    Functions: {
      add_credits: {
        Args: {
          amount: number
          reason?: Database["public"]["Enums"]["credit_reason"]
          user_uuid: string
        }
        Returns: number
      }
      archive_old_admin_logs: {
        Args: { days_old?: number }
        Returns: number
      }
      check_rate_limit: {
        Args: {
          action_type: string
          limit_count: number
          time_window: string
          user_uuid: string
        }
        Returns: boolean
      }
      cleanup_expired_downloads: {
        Args: never
        Returns: number
      }
      create_api_key: {
        Args: {
          key_expires_at?: string
          key_name: string
          key_scopes?: Database["public"]["Enums"]["api_key_scope"][]
        }
        Returns: {
          id: string
          api_key: string
          key_prefix: string
        }[]
      }
      deduct_credits: {
        Args: { amount: number; user_uuid: string }
        Returns: boolean
      }
      get_database_stats: {
        Args: never
        Returns: {
          table_name: string
          row_estimate: number
          total_bytes: number
          table_bytes: number
          index_bytes: number
          seq_scans: number
          index_scans: number
          dead_rows: number
          last_vacuum: string
          last_analyze: string
        }[]
      }
      get_system_stats: {
        Args: never
        Returns: Json
      }
      get_user_activity_summary: {
        Args: { days_back?: number; user_uuid: string }
        Returns: {
          activity_date: string
          orders_created: number
          orders_completed: number
          credits_spent: number
          credits_added: number
          downloads: number
        }[]
      }
      get_user_credits: {
        Args: { user_uuid: string }
        Returns: number
      }
      get_user_stats: {
        Args: { user_uuid: string }
        Returns: Json
      }
      log_admin_action: {
        Args: {
          action: string
          details?: Json
          target_id: string
          target_type: string
        }
        Returns: string
      }
      prune_rate_limit_events: {
        Args: { older_than?: string }
        Returns: number
      }
      record_download: {
        Args: { download_id: string }
        Returns: string
      }
      validate_api_key: {
        Args: {
          api_key: string
          required_scope?: Database["public"]["Enums"]["api_key_scope"]
        }
        Returns: {
          is_valid: boolean
          user_id: string
          key_id: string
          scopes: Database["public"]["Enums"]["api_key_scope"][]
          reason: string
        }[]
      }
      validate_system_integrity: {
        Args: never
        Returns: {
          check_name: string
          status: string
          issue_count: number
          details: string
        }[]
      }
    }
    Enums: {
      api_key_scope: "read" | "write" | "download" | "generate"
      credit_reason:
        | "signup_bonus"
        | "purchase"
        | "deduction"
        | "admin_grant"
        | "refund"
      order_status:
        | "pending"
        | "processing"
        | "completed"
        | "failed"
        | "cancelled"
      order_type: "stock_download" | "ai_generation"
      payment_status:
        | "pending"
        | "processing"
        | "succeeded"
        | "failed"
        | "canceled"
        | "refunded"
        | "partially_refunded"
      subscription_plan: "free" | "basic" | "pro" | "enterprise"
      subscription_status:
        | "active"
        | "trialing"
        | "past_due"
        | "canceled"
        | "inactive"
      ui_theme: "light" | "dark" | "system"
      user_role: "user" | "admin"
    }
    CompositeTypes: {
      [_ in never]: never
    }
  }
}

type DatabaseWithoutInternals = Omit<Database, "__InternalSupabase">

type DefaultSchema = DatabaseWithoutInternals[Extract<keyof Database, "public">]

export type Tables<
  DefaultSchemaTableNameOrOptions extends
    | keyof (DefaultSchema["Tables"] & DefaultSchema["Views"])
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"] &
        DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Views"])
    : never = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"] &
      DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Views"])[TableName] extends {
      Row: infer R
    }
    ? R
    : never
  : DefaultSchemaTableNameOrOptions extends keyof (DefaultSchema["Tables"] &
        DefaultSchema["Views"])
    ? (DefaultSchema["Tables"] &
        DefaultSchema["Views"])[DefaultSchemaTableNameOrOptions] extends {
        Row: infer R
      }
      ? R
      : never
    : never

export type TablesInsert<
  DefaultSchemaTableNameOrOptions extends
    | keyof DefaultSchema["Tables"]
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"]
    : never = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"][TableName] extends {
      Insert: infer I
    }
    ? I
    : never
  : DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"]
    ? DefaultSchema["Tables"][DefaultSchemaTableNameOrOptions] extends {
        Insert: infer I
      }
      ? I
      : never
    : never

export type TablesUpdate<
  DefaultSchemaTableNameOrOptions extends
    | keyof DefaultSchema["Tables"]
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"]
    : never = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"][TableName] extends {
      Update: infer U
    }
    ? U
    : never
  : DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"]
    ? DefaultSchema["Tables"][DefaultSchemaTableNameOrOptions] extends {
        Update: infer U
      }
      ? U
      : never
    : never

export type Enums<
  DefaultSchemaEnumNameOrOptions extends
    | keyof DefaultSchema["Enums"]
    | { schema: keyof DatabaseWithoutInternals },
  EnumName extends DefaultSchemaEnumNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions["schema"]]["Enums"]
    : never = never,
> = DefaultSchemaEnumNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions["schema"]]["Enums"][EnumName]
  : DefaultSchemaEnumNameOrOptions extends keyof DefaultSchema["Enums"]
    ? DefaultSchema["Enums"][DefaultSchemaEnumNameOrOptions]
    : never

export type CompositeTypes<
  PublicCompositeTypeNameOrOptions extends
    | keyof DefaultSchema["CompositeTypes"]
    | { schema: keyof DatabaseWithoutInternals },
  CompositeTypeName extends PublicCompositeTypeNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[PublicCompositeTypeNameOrOptions["schema"]]["CompositeTypes"]
    : never = never,
> = PublicCompositeTypeNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[PublicCompositeTypeNameOrOptions["schema"]]["CompositeTypes"][CompositeTypeName]
  : PublicCompositeTypeNameOrOptions extends keyof DefaultSchema["CompositeTypes"]
    ? DefaultSchema["CompositeTypes"][PublicCompositeTypeNameOrOptions]
    : never

export const Constants = {
  public: {
    Enums: {
      api_key_scope: ["read", "write", "download", "generate"],
      credit_reason: [
        "signup_bonus",
        "purchase",
        "deduction",
        "admin_grant",
        "refund",
      ],
      order_status: [
        "pending",
        "processing",
        "completed",
        "failed",
        "cancelled",
      ],
      order_type: ["stock_download", "ai_generation"],
      payment_status: [
        "pending",
        "processing",
        "succeeded",
        "failed",
        "canceled",
        "refunded",
        "partially_refunded",
      ],
      subscription_plan: ["free", "basic", "pro", "enterprise"],
      subscription_status: [
        "active",
        "trialing",
        "past_due",
        "canceled",
        "inactive",
      ],
      ui_theme: ["light", "dark", "system"],
      user_role: ["user", "admin"],
    },
  },
} as const
