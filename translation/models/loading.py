"""Find a model's files: a local directory, a snapshot in the Hugging Face cache, or (first use) the hub.

Resolution looks at local files first (`local_files_only=True`). A hub id missing from the cache is
downloaded on first use, unless offline mode is on (HF_HUB_OFFLINE=1). Without network a plain hub request
retries for minutes, so the download first asks for the model's metadata with a short timeout and fails
within seconds, with a message that names the model, the paths tried and how to provide the files.
"""

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from babelwire.translation.errors import ModelNotFoundError

CONFIG_FILE = "config.json"
TOKENIZER_FILES = ("source.spm", "target.spm", "vocab.json")
# A checkpoint's weights: one file, or a sharded checkpoint's index naming its shard files (save_pretrained
# shards above its max_shard_size). transformers, and CTranslate2's converter through it, load all four.
WEIGHT_FILES = ("model.safetensors", "model.safetensors.index.json", "pytorch_model.bin",
                "pytorch_model.bin.index.json")
_HUB_TIMEOUT_S = 10
_SAMPLE_BYTES = 1 << 20


@dataclass(frozen=True, slots=True)
class ResolvedModel:
    """A model's files on disk and which version they are."""

    model: str  # as configured: hub id or path
    path: Path
    revision: str  # the digest of its files (checkpoint_digest), wherever they are


def resolve_model(model: str, language: str = "") -> ResolvedModel:
    """Find `model` (hub id or local directory) on disk, never on the network.

    Raises:
        ModelNotFoundError: neither a usable local directory nor a complete cached snapshot exists.
    """
    local = Path(model).expanduser()
    if local.exists() or _looks_like_path(model):
        return _resolved(model, _checked_local_dir(local, model, language))
    return _resolve_cached(model, language)


def cached_snapshot(model: str) -> Path | None:
    """The cached snapshot directory of hub id `model`, or None when it is not downloaded."""
    from huggingface_hub import snapshot_download

    try:
        return Path(snapshot_download(model, local_files_only=True))
    except Exception:  # noqa: BLE001 - any failure here means "not usable from the cache"
        return None


def hub_cache_dir() -> Path:
    from huggingface_hub import constants

    return Path(constants.HF_HUB_CACHE)


def is_local_model(model: str) -> bool:
    return Path(model).expanduser().exists() or _looks_like_path(model)


def missing_files(directory: Path) -> list[str]:
    """Which files a Marian checkpoint needs that `directory` lacks, shards named in its index included."""
    missing = [name for name in (CONFIG_FILE, *TOKENIZER_FILES) if not (directory / name).is_file()]
    indexes = [directory / name for name in WEIGHT_FILES if name.endswith(".index.json")]
    missing += [shard for index in indexes if index.is_file() for shard in shard_names(index)
                if not (directory / shard).is_file()]
    if not any((directory / name).is_file() for name in WEIGHT_FILES):
        missing.append("model.safetensors or pytorch_model.bin")
    return missing


def checkpoint_digest(checkpoint: Path) -> str:
    """A content digest of a Marian checkpoint, cheap enough for every load (reads a few MB at most): a model's
    revision, and the key of its CTranslate2 conversion.

    Covers config and vocabulary files whole, and each weights file (a sharded checkpoint's index and every
    shard it names) by its size and its first and last MiB.
    """
    digest = hashlib.sha256()
    for name in ("config.json", "vocab.json", "source.spm", "target.spm", "tokenizer_config.json"):
        path = checkpoint / name
        if path.is_file():
            digest.update(name.encode() + b"\0" + path.read_bytes())
    for path in weight_files(checkpoint):
        digest.update(path.name.encode() + b"\0" + _weights_sample(path))
    return digest.hexdigest()[:16]


def _weights_sample(path: Path) -> bytes:
    size = path.stat().st_size
    with path.open("rb") as handle:
        head = handle.read(_SAMPLE_BYTES)
        handle.seek(max(0, size - _SAMPLE_BYTES))
        return str(size).encode() + head + handle.read(_SAMPLE_BYTES)


def weight_files(directory: Path) -> list[Path]:
    """The files of `directory` that hold weights, in WEIGHT_FILES order, each index followed by its shards."""
    found = []
    for path in (directory / name for name in WEIGHT_FILES if (directory / name).is_file()):
        found.append(path)
        if path.name.endswith(".index.json"):
            found += [directory / shard for shard in shard_names(path) if (directory / shard).is_file()]
    return found


def shard_names(index: Path) -> list[str]:
    """The shard files a sharded checkpoint's index names, sorted.

    Raises:
        ModelNotFoundError: the index is not one (not JSON, or no weight_map).
    """
    try:
        weight_map = json.loads(index.read_text(encoding="utf-8"))["weight_map"]
        return sorted(set(weight_map.values()))
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise ModelNotFoundError(f"{index} is not a sharded checkpoint's index ({type(error).__name__}: {error}); "
                                 "save the checkpoint again with save_pretrained", model=str(index.parent)) from None


def download_model(model: str, local_dir: Path | None = None) -> Path:
    """Download hub model `model` (into the cache, or into `local_dir`); return where its files are.

    Raises:
        ModelNotFoundError: the hub is unreachable or offline mode is on, or no such model exists.
    """
    from huggingface_hub import model_info, snapshot_download

    try:
        # model_info, not list_repo_files: the latter retries unreachable hosts with backoff for ~30 s.
        files = [entry.rfilename for entry in model_info(model, timeout=_HUB_TIMEOUT_S).siblings or ()]
        patterns = _download_patterns(files)
        path = snapshot_download(model, allow_patterns=patterns, etag_timeout=_HUB_TIMEOUT_S,
                                 local_dir=str(local_dir) if local_dir else None)
    except Exception as error:  # noqa: BLE001 - hub, HTTP and OS errors all mean "could not pull"
        raise ModelNotFoundError(_pull_failure(model, error), model=model) from None
    return Path(path)


def _looks_like_path(model: str) -> bool:
    """Hub ids are `org/name`; anything else with a separator, or starting like a path, is a path."""
    if model.startswith(("/", ".", "~")) or "\\" in model:
        return True
    return model.count("/") > 1


def _checked_local_dir(directory: Path, model: str, language: str) -> Path:
    if not directory.is_dir():
        raise ModelNotFoundError(
            f"model path {model!r}{_for(language)} does not exist or is not a directory "
            f"(tried {directory.resolve()}); pass a directory with a Marian checkpoint "
            f"(config.json, weights, source.spm, target.spm, vocab.json)",
            model=model, language=language or None, tried=[str(directory.resolve())])
    missing = missing_files(directory)
    if missing:
        raise ModelNotFoundError(
            f"model directory {str(directory)!r}{_for(language)} lacks {', '.join(missing)}; "
            "it must hold a Marian checkpoint as written by save_pretrained",
            model=model, language=language or None, missing=list(missing))
    return directory


def _resolve_cached(model: str, language: str) -> ResolvedModel:
    snapshot = cached_snapshot(model)
    if snapshot is not None and not missing_files(snapshot):
        return _resolved(model, snapshot)
    state = "incomplete" if snapshot is not None else "not downloaded"
    if not _hub_offline():
        try:
            snapshot = download_model(model)
        except ModelNotFoundError as error:
            state += f"; first-use download failed: {error}"
        else:
            return _resolved(model, snapshot)
    raise _not_available(model, language, state)


def _resolved(model: str, directory: Path) -> ResolvedModel:
    """`model`'s files in `directory`, with their digest as the revision: one rule for a hub snapshot and a directory
    of the user's (whose files may change under the same name), on both backends."""
    return ResolvedModel(model, directory, checkpoint_digest(directory))


def _not_available(model: str, language: str, state: str) -> ModelNotFoundError:
    cache_entry = hub_cache_dir() / ("models--" + model.replace("/", "--"))
    pull = f"babelwire models pull {language}" if language else f"babelwire models pull LANG --model LANG={model}"
    return ModelNotFoundError(
        f"model {model!r}{_for(language)} is not available locally (tried local path "
        f"{Path(model).resolve()}: not found; hub cache {cache_entry}: {state}); "
        f"run `{pull}` where the Hugging Face hub is reachable, or pass a local checkpoint with "
        f"--model {language or 'LANG'}=PATH (BABELWIRE_MODELS=\"{language or 'LANG'}=PATH\")",
        model=model, language=language or None, tried=[str(Path(model).resolve()), str(cache_entry)])


def _for(language: str) -> str:
    return f" for {language!r}" if language else ""


def _download_patterns(files: list[str]) -> list[str]:
    """Config, tokenizer and ONE weights format: repositories often carry TF, Flax and Rust copies too."""
    weights = ["*.safetensors", "model.safetensors.index.json"]
    if not any(name.endswith(".safetensors") for name in files):
        weights = ["pytorch_model*.bin", "pytorch_model.bin.index.json"]
    return ["*.json", "*.spm", *weights]


def _hub_offline() -> bool:
    from huggingface_hub import constants

    return bool(constants.HF_HUB_OFFLINE)  # huggingface_hub's own reading of HF_HUB_OFFLINE


def _pull_failure(model: str, error: Exception) -> str:
    name = type(error).__name__
    if name in ("RepositoryNotFoundError", "GatedRepoError"):
        return f"model {model!r} does not exist on the Hugging Face hub (or is private)"
    if _hub_offline() or name == "OfflineModeIsEnabled":
        return f"cannot pull {model!r}: offline mode is on (HF_HUB_OFFLINE); unset it where the hub is reachable"
    first_line = str(error).strip().splitlines()[0] if str(error).strip() else name
    return (f"cannot pull {model!r} from the Hugging Face hub ({name}: {first_line}); "
            "check the network, or copy a checkpoint directory here and pass --model LANG=PATH")
