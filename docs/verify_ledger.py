#!/usr/bin/env python3
"""Check an OperatorConsole ledger export, and its signed checkpoints, without the console's code.

Usage:
  python3 verify_ledger.py EXPORT.json [--checkpoints KEPT.json ...] [--public-key KEY.pem] [--allow-unsealed]

EXPORT.json   from GET /api/ledger/export: {"rootHash", "entries", "keyId", "publicKeyPem", "checkpoints"}
KEPT.json     from GET /api/ledger/checkpoints, saved earlier; a later rollback or rewrite no longer matches it
KEY.pem       the published public key (Audit ledger page, GET /api/ledger/public-key, docs); without it the key
              inside the export is used, which proves only that the export is consistent with itself

Exit status: 0 valid; 1 any mismatch (chain, root hash, checkpoint, signature, unsealed entries); 2 usage or
unreadable input; 3 signatures could not be checked because the `cryptography` package is missing.
"""
import argparse, base64, hashlib, json, sys

GENESIS = "0" * 64
FORMAT = "operator-console/ledger-checkpoint/1"


def entry_hash(e, previous):
    text = "\n".join([previous, str(e["sequence"]), e["timestamp"], e["actor"], e["action"],
                      e["subject"], e["outcome"], e["payload"]])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def signed_text(c):
    return "\n".join([FORMAT, str(c["number"]), str(c["sequence"]), c["entryHash"], c["previousCheckpointHash"],
                      c["createdAt"], c["reason"], c["keyId"]])


def load_verifier(pem):
    try:
        from cryptography.exceptions import InvalidSignature
        from cryptography.hazmat.primitives import hashes, serialization
        from cryptography.hazmat.primitives.asymmetric import ec
    except ImportError:
        return None
    key = serialization.load_pem_public_key(pem.encode("ascii"))

    def verify(text, signature):
        try:
            key.verify(base64.b64decode(signature), text.encode("utf-8"), ec.ECDSA(hashes.SHA256()))
            return True
        except (InvalidSignature, ValueError):
            return False
    return verify


def check_chain(entries, problems):
    previous, hashes = GENESIS, {}
    for n, e in enumerate(entries, start=1):
        try:
            ok = e["sequence"] == n and e["previousHash"] == previous and e["hash"] == entry_hash(e, previous)
        except (KeyError, TypeError):
            ok = False
        if not ok:
            problems.append(f"entry {e.get('sequence') if isinstance(e, dict) else n}: chain broken (altered, missing, inserted or malformed)")
            return previous, hashes
        hashes[n] = e["hash"]
        previous = e["hash"]
    return previous, hashes


def merge(sources, problems):
    by_number = {}
    for source in sources:
        for c in source:
            seen = by_number.setdefault(c["number"], c)
            if seen != c:
                problems.append(f"checkpoint #{c['number']} differs between the sources (the ledger was rewritten or forked)")
    return [by_number[n] for n in sorted(by_number)]


def check_checkpoints(checkpoints, hashes, last, verify, problems):
    previous, sealed = None, 0
    for c in checkpoints:
        expected = (previous["number"] if previous else 0) + 1
        prev_hash = hashlib.sha256(signed_text(previous).encode("utf-8")).hexdigest() if previous else GENESIS
        if c["number"] != expected or c["previousCheckpointHash"] != prev_hash:
            problems.append(f"checkpoint #{c['number']}: does not chain to the checkpoint before it")
            return sealed
        if verify is not None and not verify(signed_text(c), c["signature"]):
            problems.append(f"checkpoint #{c['number']}: signature does not verify with the public key")
            return sealed
        if previous and previous["reason"] == "shutdown" and c["reason"] == "startup" and c["sequence"] != previous["sequence"]:
            problems.append(f"entries {previous['sequence'] + 1}-{c['sequence']} were added while the console was stopped")
        if c["sequence"] > last:
            problems.append(f"the ledger ends at entry {last} but checkpoint #{c['number']} sealed entry {c['sequence']} (truncated or rolled back)")
            return sealed
        if c["sequence"] > 0 and hashes.get(c["sequence"]) != c["entryHash"]:
            problems.append(f"entry {c['sequence']} does not match checkpoint #{c['number']} (rewritten after it was sealed)")
            return sealed
        sealed, previous = c["sequence"], c
    return sealed


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("export")
    parser.add_argument("--checkpoints", action="append", default=[])
    parser.add_argument("--public-key")
    parser.add_argument("--allow-unsealed", action="store_true", help="an older export without a checkpoint at its head")
    args = parser.parse_args()
    try:
        with open(args.export, encoding="utf-8") as f:
            export = json.load(f)
        kept = []
        for path in args.checkpoints:
            with open(path, encoding="utf-8") as f:
                kept.append(json.load(f)["checkpoints"])
        pem = open(args.public_key, encoding="ascii").read() if args.public_key else export.get("publicKeyPem")
        entries = export["entries"]
    except (OSError, ValueError, KeyError, TypeError) as error:
        print(f"cannot read the input: {error}", file=sys.stderr)
        return 2

    problems = []
    root, hashes = check_chain(entries, problems)
    if root != export.get("rootHash"):
        problems.append(f"root hash {root} of the entries differs from the export's rootHash {export.get('rootHash')}")
    last = len(entries)
    checkpoints = merge([export.get("checkpoints") or []] + kept, problems)
    verify = load_verifier(pem) if pem else None
    if checkpoints and verify is None:
        print("cannot check checkpoint signatures: install the 'cryptography' package (e.g. apt-get install python3-cryptography)", file=sys.stderr)
        return 3
    sealed = check_checkpoints(checkpoints, hashes, last, verify, problems) if checkpoints else 0
    if sealed < last and not args.allow_unsealed:
        problems.append(f"entries {sealed + 1}-{last} are not sealed by a signed checkpoint")

    for p in problems:
        print("INVALID:", p)
    if problems:
        return 1
    print(f"valid: {last} entries, root {root}, sealed through entry {sealed} by {len(checkpoints)} checkpoints")
    return 0


if __name__ == "__main__":
    sys.exit(main())
