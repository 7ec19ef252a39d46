"""The names of the events the worker's own parts report through `on_event(name, **fields)`.

The consumer's events (received, ack, requeued, connected, ...) are in `babelwire.queues.events`; these come from the
job handler and the composition. Listeners match on the constants, never on spelled-out strings.
"""

# handler: a job's body decoded into an item, before any translating. Fields: language, message_id, uri.
DECODED = "decoded"
# handler: an item translated into one language. Fields: language, message_id, uri, seconds, tokens,
# batch_tokens (a job translated in a shared batch: the batch's tokens), protected_spans, fallbacks, sentences (that
# needed the model), from_memory (of those, answered by the translation memory).
TRANSLATED = "translated"
# handler: a kill notice or a text-less item copied without a model. Fields: language, message_id, uri.
PASSED_ON = "passed_on"
# composition (`worker/service.py`): a served model was loaded before the worker started. Fields: language, model.
MODEL_LOADED = "model_loaded"
