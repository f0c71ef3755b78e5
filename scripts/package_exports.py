"""Rewrite the `__init__.py` of the subject packages from their modules.

hr/ and accounting/ keep models, services, selectors, views and forms as
packages split by subject; each `__init__` re-exports the public classes and
functions (and formsets) its modules define, so callers import from the
package. Run after adding a module or a public name:

    python scripts/package_exports.py
"""

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = [
    f"{app}/{kind}"
    for app in ("hr", "accounting")
    for kind in ("models", "services", "selectors", "views", "forms")
]


def public_names(path: Path) -> list[str]:
    names = []
    for node in ast.parse(path.read_text()).body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)) and not node.name.startswith("_"):
            names.append(node.name)
        elif isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name) and target.id.endswith("FormSet"):
                    names.append(target.id)
    return names


def main() -> int:
    clashes = []
    for package in PACKAGES:
        folder = ROOT / package
        if not folder.is_dir():
            continue
        init = folder / "__init__.py"
        docstring = ast.get_docstring(ast.parse(init.read_text())) if init.exists() else None
        seen: dict[str, str] = {}
        blocks = []
        for module in sorted(folder.glob("*.py")):
            if module.name == "__init__.py":
                continue
            names = sorted(public_names(module))
            for name in names:
                if name in seen:
                    clashes.append(f"{package}: {name} in {seen[name]} and {module.stem}")
                seen[name] = module.stem
            if names:
                dotted = f"{package.replace('/', '.')}.{module.stem}"
                body = "".join(f"    {name},\n" for name in names)
                blocks.append(f"from {dotted} import (\n{body})\n")
        exported = "".join(f'    "{name}",\n' for name in sorted(seen))
        text = f'"""{docstring}"""\n\n' if docstring else ""
        text += "".join(blocks) + f"\n__all__ = [\n{exported}]\n"
        init.write_text(text)
    if clashes:
        print("\n".join(clashes), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
