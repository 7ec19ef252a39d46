"""How names are written in the target: people's names in a target written in another script.

`rendering/` writes a name in the target's script (established forms, transcription), `declension/` declines it
to the case the words before it demand, and `people` checks the model's form of each person against the rendering
and restores it, declined, where the model lost it.
"""
