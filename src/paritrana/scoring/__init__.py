"""Pure engine package (scoring): no Django imports."""
