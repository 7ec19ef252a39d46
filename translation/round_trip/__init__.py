"""How a text goes through the model and back: segment, mask, translate, verify, restore."""
