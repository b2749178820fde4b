#!/usr/bin/env python3
"""Known answers for FixtureAccountsTest, from an implementation independent of Fob's: Python's hmac module.
Steam codes were cross-checked with the npm package steam-totp, TOTP codes with oathtool."""
import base64, hashlib, hmac, struct

ACCOUNTS = [  # issuer, name, type, secret, algorithm, digits, period or counter (from ../shared/fixtures/README.md)
    ("Deno", "Mason", "totp", "4SJHB4GSD43FZBAI7C2HLRJGPQ", "sha1", 6, 30),
    ("SPDX", "James", "totp", "5OM4WOOGPLQEF6UGN3CPEOOLWU", "sha256", 7, 20),
    ("Airbnb", "Elijah", "totp", "7ELGJSGXNCCTV3O6LKJWYFV2RA", "sha512", 8, 50),
    ("Issuu", "James", "hotp", "YOOMIXWS5GN6RTBPUFFWKTW5M4", "sha1", 6, 1),
    ("Air Canada", "Benjamin", "hotp", "KUVJJOM753IHTNDSZVCNKL7GII", "sha256", 7, 50),
    ("WWE", "Mason", "hotp", "5VAML3X35THCEBVRLV24CGBKOY", "sha512", 8, 10300),
    ("Boeing", "Sophia", "steam", "JRZCL47CMXVOQMNPZR2F7J4RGI", "sha1", 5, 30),
    ("Battle.net", "US-2211-2050-3346", "totp", "BMGRXPGFARQQF4GMT25JATL2VYLAHDBI", "sha1", 8, 30),
]

def truncated(key, counter, algorithm):
    digest = hmac.new(key, struct.pack(">Q", counter), getattr(hashlib, algorithm)).digest()
    offset = digest[-1] & 15
    return struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7fffffff

for issuer, name, kind, secret, algorithm, digits, n in ACCOUNTS:
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    for t in (59, 1700000000, 2000000000):
        counter = n if kind == "hotp" else t // n
        value = truncated(key, counter, algorithm)
        if kind == "steam":
            alphabet, code = "23456789BCDFGHJKMNPQRTVWXY", ""
            for _ in range(5):
                code += alphabet[value % 26]
                value //= 26
        else:
            code = str(value % 10 ** digits).zfill(digits)
        print(f"{issuer}|{t}|{code}")
        if kind == "hotp":
            break
