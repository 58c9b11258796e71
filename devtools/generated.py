"""Files generated from code and committed (deploy/.env.example, deploy/kubernetes/): write them, or check that
the committed ones are what the code generates now. Standard library only (it also runs in .venv-deploy)."""
import sys
from pathlib import Path


def write_or_check(argv: list[str], folder: Path, wanted: dict[str, str], remake: str, usage: str,
                   pattern: str = "*") -> int:
    """`write`: make `folder` hold exactly `wanted` (name -> text) among files matching `pattern`;
    `check`: 0 when it already does, else 1 naming the `make` target that fixes it."""
    if argv[:1] == ["write"]:
        folder.mkdir(parents=True, exist_ok=True)
        for stale in {p.name for p in folder.glob(pattern)} - set(wanted):
            (folder / stale).unlink()
        for name, text in wanted.items():
            (folder / name).write_text(text, encoding="utf-8")
        print(f"wrote {', '.join(sorted(wanted))} in {folder}")
        return 0
    if argv[:1] == ["check"]:
        found = {p.name: p.read_text(encoding="utf-8") for p in folder.glob(pattern) if p.is_file()}
        if found != wanted:
            print(f"{folder}: differs from what the code generates; run `{remake}`", file=sys.stderr)
            return 1
        print(f"{folder}: {len(wanted)} file(s) as generated")
        return 0
    print(usage, file=sys.stderr)
    return 2
