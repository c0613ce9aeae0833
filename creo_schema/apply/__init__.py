"""Step 7: apply a plan to the target, safely, and keep its history there."""
