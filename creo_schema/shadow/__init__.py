"""Step 3: throwaway PostgreSQL databases holding the desired state."""
