"""Step 6: the plan, a reviewable document of what apply will do and how to undo it."""
