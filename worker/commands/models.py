"""`babelwire models list|pull`: which model serves which language, and fetching them while online."""

import argparse
from pathlib import Path

from babelwire.translation.models.loading import cached_snapshot, download_model, is_local_model, missing_files
from babelwire.translation.models.registry import ModelRegistry, ModelSpec
from babelwire.worker.commands._common import load_settings


def register(subparsers) -> None:
    parser = subparsers.add_parser("models", help="list or download translation models",
                                   description="List the model of each language, or download models.")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    listing = actions.add_parser(
        "list", help="each language, its model, and where its files are",
        description="Print every target language babelwire knows, the model that serves it (with its >>xxx<< "
                    "target token where the model has several targets), and where its files are: a local path, "
                    "the Hugging Face cache, or 'not downloaded'.")
    pull = actions.add_parser(
        "pull", help="download models from the Hugging Face hub",
        description="Download the models of the given languages from the Hugging Face hub into its cache "
                    "(HF_HOME), or with --dir into a folder of your own, for machines that run offline later.")
    pull.add_argument("languages", nargs="+", metavar="LANG", help="target languages, e.g. uk de")
    pull.add_argument("--dir", type=Path, metavar="DIR",
                      help="write each model into DIR/<name> instead of the Hugging Face cache")
    for sub in (listing, pull):
        sub.add_argument("--model", action="append", default=[], metavar="LANG=ID_OR_PATH",
                         help="use this hub id or local checkpoint for LANG instead of the registry's (repeatable)")
    listing.set_defaults(handler=run_list)
    pull.set_defaults(handler=run_pull)


def run_list(args: argparse.Namespace) -> int:
    registry = _registry(args)
    rows = [("LANGUAGE", "MODEL", "LOCATION")]
    rows += [(spec.language, _model_label(spec), _location(spec.model))
             for spec in map(registry.spec, registry.languages())]
    widths = [max(len(row[column]) for row in rows) for column in range(2)]
    for language, model, location in rows:
        print(f"{language:<{widths[0]}}  {model:<{widths[1]}}  {location}")
    return 0


def run_pull(args: argparse.Namespace) -> int:
    registry = _registry(args)
    specs = [registry.spec(language) for language in args.languages]  # all known before any download
    pulled: dict[str, Path] = {}
    for spec in specs:
        if is_local_model(spec.model):
            print(f"{spec.language}: {spec.model} is a local path; nothing to pull")
            continue
        if spec.model not in pulled:
            target_dir = args.dir / spec.model.rsplit("/", 1)[-1] if args.dir else None
            pulled[spec.model] = download_model(spec.model, target_dir)
        print(f"{spec.language}: {spec.model} -> {pulled[spec.model]}")
        if args.dir:
            print(f"  use it with --model {spec.language}={pulled[spec.model]} "
                  f"or BABELWIRE_MODELS=\"{spec.language}={pulled[spec.model]}\"")
    return 0


def _registry(args: argparse.Namespace) -> ModelRegistry:
    return ModelRegistry(load_settings(args).models)


def _model_label(spec: ModelSpec) -> str:
    return f"{spec.model} {spec.target_token}" if spec.target_token else spec.model


def _location(model: str) -> str:
    if is_local_model(model):
        path = Path(model).expanduser()
        if not path.is_dir():
            return "missing (local path does not exist)"
        return f"{path} (local)" if not missing_files(path) else f"{path} (incomplete: {', '.join(missing_files(path))})"
    snapshot = cached_snapshot(model)
    if snapshot is None:
        return "not downloaded"
    return str(snapshot) if not missing_files(snapshot) else f"{snapshot} (incomplete: run models pull)"
