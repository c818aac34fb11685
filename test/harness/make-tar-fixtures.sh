#!/usr/bin/env bash
# Makes the odd-but-real tars in test/fixtures/tar/ (committed; run again only to change them).
# GNU tar writes the GNU long-name, v7 and global-pax ones; Python's tarfile writes the ones
# GNU tar will not (a uid past 2097151 and a size in base-256, an unknown type flag, a pax path
# with ".."); the truncated one is a GNU archive cut inside a member. Deterministic output.
set -euo pipefail
out="$(cd "$(dirname "$0")/../fixtures/tar" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export LC_ALL=C.UTF-8 TZ=UTC
gnutar() { tar --sort=name --mtime=@1700000000 --owner=0 --group=0 --numeric-owner "$@"; }

# A tree with a name over 100 bytes, a symlink and a hard link whose targets are over 100 bytes.
long="a-directory-name-that-is-long-enough/$(printf 'n%.0s' {1..90})"
mkdir -p "$work/tree/$long" "$work/tree/etc"
printf 'hello\n' >"$work/tree/etc/hello.txt"
printf 'long file body\n' >"$work/tree/$long/file-with-a-long-path.txt"
ln -s "/$long/file-with-a-long-path.txt" "$work/tree/etc/long-symlink"
ln "$work/tree/$long/file-with-a-long-path.txt" "$work/tree/etc/hardlink-to-long"
chmod -R u+rwX,go+rX "$work/tree"

gnutar --format=gnu -C "$work/tree" -cf "$out/gnu-long-names.tar" .
mkdir -p "$work/v7/etc/conf.d"
printf 'hello\n' >"$work/v7/etc/hello.txt"
ln -s hello.txt "$work/v7/etc/hi"
gnutar --format=v7 -C "$work/v7" -cf "$out/v7.tar" etc
# Global pax records (GNU tar writes "keyword=value" options into one global header).
gnutar --format=posix \
  --pax-option='exthdr.name=%d/PaxHeaders/%f,globexthdr.name=GlobalHead,globexthdr.mtime=1700000000,exthdr.mtime=1700000000,delete=atime,delete=ctime' \
  --pax-option='comment=strata fixture,uid=4242,gid=4242' \
  -C "$work/tree" -cf "$out/pax-global.tar" .

python3 - "$out" <<'PY'
import io, sys, tarfile

out = sys.argv[1]

# Incomplete: the GNU archive cut five bytes into a member's data.
with open(f"{out}/gnu-long-names.tar", "rb") as f:
    whole = f.read()
with open(f"{out}/truncated.tar", "wb") as f:
    f.write(whole[: whole.index(b"long file body") + 5])

def info(name, data=b"", type_=tarfile.REGTYPE, **kw):
    ti = tarfile.TarInfo(name)
    ti.size = len(data)
    ti.type = type_
    ti.mtime = 1700000000
    ti.mode = 0o644
    for k, v in kw.items():
        setattr(ti, k, v)
    return ti

def write(path, fmt, members, **kw):
    with tarfile.open(path, "w", format=fmt, **kw) as t:
        for ti, data in members:
            t.addfile(ti, io.BytesIO(data) if ti.size else None)

def rewrite(path, name, field_at, field):
    """Overwrites one header field of member `name` and fixes that header's checksum."""
    with open(path, "r+b") as f:
        buf = bytearray(f.read())
        at = next(i for i in range(0, len(buf), 512) if buf[i:i + 100].rstrip(b"\0") == name)
        buf[at + field_at:at + field_at + len(field)] = field
        buf[at + 148:at + 156] = b" " * 8
        buf[at + 148:at + 156] = b"%06o\0 " % sum(buf[at:at + 512])
        f.seek(0)
        f.write(buf)

# Pre-POSIX style: a directory marked only by its trailing slash (type flag NUL).
rewrite(f"{out}/v7.tar", b"etc/conf.d/", 156, b"\0")

# uid/gid past the octal range: tarfile's GNU format writes them in base-256.
write(f"{out}/base256.tar", tarfile.GNU_FORMAT, [
    (info("big-ids.txt", b"owned by a big uid\n", uid=3000000, gid=3000001), b"owned by a big uid\n"),
    (info("sized.txt", b"size in base-256\n"), b"size in base-256\n"),
])
# sized.txt's size field in base-256 (GNU tar's form for sizes past 8 GiB).
size = len(b"size in base-256\n")
rewrite(f"{out}/base256.tar", b"sized.txt", 124, bytes([0x80]) + size.to_bytes(11, "big"))

# A type flag no tar defines ("Z"): POSIX says read it as a regular file.
write(f"{out}/unknown-typeflag.tar", tarfile.USTAR_FORMAT, [
    (info("odd-member", b"unknown type\n", type_=b"Z"), b"unknown type\n"),
    (info("plain.txt", b"plain\n"), b"plain\n"),
])
# A pax path that climbs with "..": layers fold it into the root, archives refuse it.
write(f"{out}/pax-dotdot.tar", tarfile.PAX_FORMAT, [
    (info("safe.txt", b"safe\n"), b"safe\n"),
    (info("x", b"escaped\n", pax_headers={"path": "dir/../../escape.txt"}), b"escaped\n"),
])
PY
ls -l "$out"
