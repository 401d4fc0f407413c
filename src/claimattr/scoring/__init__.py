"""The registered scorers: claims, claim parts and quantities (the only scorers in claimattr)."""
