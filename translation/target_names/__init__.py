"""How names are written in the target: people's names in a target written in another script.

`name_forms` decides what a copy writes for each detected name (kept, rendered, or left to the model);
`rendering/` writes a name in the target's script (established forms, transcription), `declension/` declines it
to the case the words before it demand, and `people` checks the model's form of each person against the rendering
and restores it, declined, where the model lost it.
"""
