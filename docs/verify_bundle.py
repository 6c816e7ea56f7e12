#!/usr/bin/env python3
"""Check an OperatorConsole evidence bundle (of an incident or of a launch) offline: integrity hash, part hashes,
cited ledger entries and the signed checkpoint of the ledger head it cites.

Usage: python3 verify_bundle.py BUNDLE.json [--public-key KEY.pem]

This proves the bundle is consistent and, with the console's published key, that its ledger head was sealed by that
console. Whether the console issued this very bundle only the console can say: hand it to POST /api/evidence/verify,
which compares it with the integrity hash it recorded in its ledger.

Exit status: 0 consistent; 1 any mismatch; 2 unreadable input; 3 the checkpoint signature could not be checked
because the `cryptography` package is missing.
"""
import argparse, base64, hashlib, json, sys

FORMAT = "operator-console/ledger-checkpoint/1"


def canonical(node):
    return json.dumps(node, sort_keys=True, separators=(",", ":"))


def sha(node):
    return hashlib.sha256(canonical(node).encode("ascii")).hexdigest()


# What a bundle is the record of decides its parts: a launch's has "launch", else it is an incident's.
KINDS = {
    "incident": (["incident"], ["timeline", "evidence_records", "attachments"]),
    "launch": (["launch", "config_snapshot"], ["steps", "sign_offs"]),
}


def kind(bundle):
    return "launch" if isinstance(bundle.get("launch"), dict) else "incident"


def part_hashes(bundle):
    objects, lists = KINDS[kind(bundle)]
    parts = {name: sha(bundle.get(name)) for name in objects + ["preserved_at", "preserved_by", "format", "checkpoint"]}
    for name in lists:
        parts[name] = [sha(item) for item in bundle.get(name) or []]
    ledger = bundle.get("ledger") or {}
    parts["ledger.head"] = sha(ledger.get("head_sequence")) + sha(ledger.get("root_hash"))
    parts["ledger.entries"] = [sha(item) for item in ledger.get("entries") or []]
    return parts


def changed_items(sealed, now):
    if not isinstance(sealed, list) or not isinstance(now, list) or len(sealed) != len(now):
        return ""
    return " (item " + ", ".join(str(i + 1) for i, (a, b) in enumerate(zip(sealed, now)) if a != b) + ")"


def entry_hash(e):
    text = "\n".join([e["previous_hash"], str(e["sequence"]), e["timestamp"], e["actor"], e["action"],
                      e["subject"], e["outcome"], e["payload"]])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def check_checkpoint(c, ledger, pem, problems):
    if c["sequence"] != ledger["head_sequence"] or c["entry_hash"] != ledger["root_hash"]:
        problems.append("the checkpoint does not seal the ledger head the bundle cites")
    try:
        from cryptography.exceptions import InvalidSignature
        from cryptography.hazmat.primitives import hashes, serialization
        from cryptography.hazmat.primitives.asymmetric import ec
    except ImportError:
        return False
    text = "\n".join([FORMAT, str(c["number"]), str(c["sequence"]), c["entry_hash"], c["previous_checkpoint_hash"],
                      c["created_at"], c["reason"], c["key_id"]])
    try:
        key = serialization.load_pem_public_key(pem.encode("ascii"))
        key.verify(base64.b64decode(c["signature"]), text.encode("utf-8"), ec.ECDSA(hashes.SHA256()))
    except (InvalidSignature, ValueError):
        problems.append("the checkpoint signature does not verify with the public key")
    return True


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("bundle")
    parser.add_argument("--public-key")
    args = parser.parse_args()
    try:
        with open(args.bundle, encoding="utf-8") as f:
            bundle = json.load(f)
        claimed = bundle.pop("integrity_hash")
        ledger = bundle["ledger"]
        checkpoint = bundle.get("checkpoint")
        pem = open(args.public_key, encoding="ascii").read() if args.public_key else (checkpoint or {}).get("public_key_pem")
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        print(f"cannot read the bundle: {error}", file=sys.stderr)
        return 2

    problems = []
    actual = sha(bundle)
    if actual != claimed:
        problems.append(f"integrity hash: the bundle claims {claimed} but its content hashes to {actual}")
    sealed = bundle.get("part_hashes") or {}
    for name, value in part_hashes(bundle).items():
        if sealed.get(name) != value:
            problems.append(f"part '{name}' does not match its sealed hash{changed_items(sealed.get(name), value)}")
    try:
        for e in ledger["entries"]:
            if entry_hash(e) != e["hash"]:
                problems.append(f"ledger entry {e['sequence']} does not match its hash")
        if checkpoint is None:
            problems.append("the bundle carries no checkpoint of its ledger head")
        elif not check_checkpoint(checkpoint, ledger, pem or "", problems):
            print("cannot check the checkpoint signature: install the 'cryptography' package", file=sys.stderr)
            return 3
    except (KeyError, TypeError) as error:
        problems.append(f"malformed field: {error}")

    for p in problems:
        print("INVALID:", p)
    if problems:
        return 1
    print(f"consistent ({kind(bundle)} bundle):", actual)
    return 0


if __name__ == "__main__":
    sys.exit(main())
