"""The only package that writes WordprocessingML: typed blocks onto the house-style package."""
