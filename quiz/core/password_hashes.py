"""Hashing and checking passwords: salted scrypt, stored as `scrypt:N:r:p$salt$hex`.

That is werkzeug's format (`generate_password_hash`'s default), so every hash saved before
this module existed still checks; hashlib does the work, which keeps storage free of web
libraries. The cost sits inside each hash, so raising it later leaves old hashes valid.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import string

from quiz.core.errors import QuizError

# werkzeug's defaults: about 50 ms and 32 MiB per hash.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1
SALT_LENGTH = 16
_SALT_CHARS = string.ascii_letters + string.digits


class PasswordHashError(QuizError):
    """A stored password hash is in no format this module makes."""


def hash_password(password: str, salt: str | None = None) -> str:
    """A new hash of `password`; the salt is random unless given (tests pass one)."""
    salt = salt or "".join(secrets.choice(_SALT_CHARS) for _ in range(SALT_LENGTH))
    method = f"scrypt:{SCRYPT_N}:{SCRYPT_R}:{SCRYPT_P}"
    return f"{method}${salt}${_scrypt_hex(method, salt, password)}"


def password_matches(stored: str, password: str) -> bool:
    """Whether `password` is the one `stored` was made from, compared in constant time."""
    method, salt, digest = _split(stored)
    return hmac.compare_digest(_scrypt_hex(method, salt, password), digest)


def _split(stored: str) -> tuple[str, str, str]:
    parts = stored.split("$", 2)
    if len(parts) != 3 or not parts[0].startswith("scrypt:"):
        raise PasswordHashError(
            f"a stored password hash starts {stored[:12]!r}, not 'scrypt:N:r:p$salt$hash': "
            "set the account's password again (`quiz user reset-password NAME`)"
        )
    return parts[0], parts[1], parts[2]


def _scrypt_hex(method: str, salt: str, password: str) -> str:
    try:
        n, r, p = (int(part) for part in method.removeprefix("scrypt:").split(":"))
    except ValueError as e:
        raise PasswordHashError(f"{method!r} is not 'scrypt:N:r:p' with three numbers") from e
    # hashlib's default memory ceiling (32 MiB) is just below what N=2**15, r=8 needs.
    maxmem = 132 * n * r * p
    return hashlib.scrypt(password.encode(), salt=salt.encode(), n=n, r=r, p=p, maxmem=maxmem).hex()
