"""A small, dependency-free Parquet writer: one row group, one PLAIN-encoded, uncompressed
data page (v1) per column, every column OPTIONAL (nulls as definition levels).

It writes what exports need (strings, 64-bit integers, doubles, booleans) and nothing more;
pandas (pyarrow or fastparquet), R's arrow, DuckDB and Spark read the files. The format is
the Apache Parquet specification (parquet-format, ``parquet.thrift``), with the footer in
Thrift's compact protocol.
"""

from __future__ import annotations

import struct
from collections.abc import Sequence
from typing import Any

KINDS = ("string", "int64", "double", "bool")

# parquet.thrift enums
_TYPE = {"bool": 0, "int64": 2, "double": 5, "string": 6}  # BOOLEAN, INT64, DOUBLE, BYTE_ARRAY
_OPTIONAL = 1
_UTF8 = 0  # ConvertedType
_PLAIN, _RLE = 0, 3
_UNCOMPRESSED = 0
_DATA_PAGE = 0

# Thrift compact protocol field types
_T_TRUE, _T_FALSE, _T_I32, _T_I64, _T_BINARY, _T_LIST, _T_STRUCT = 1, 2, 5, 6, 8, 9, 12


def _varint(n: int) -> bytes:
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def _zigzag(n: int) -> int:
    return (n << 1) ^ (n >> 63)


class _Struct:
    """A Thrift compact-protocol struct under construction (fields in increasing id)."""

    def __init__(self) -> None:
        self.buf = bytearray()
        self.last = 0

    def _head(self, fid: int, ftype: int) -> None:
        delta = fid - self.last
        if 0 < delta <= 15:
            self.buf.append((delta << 4) | ftype)
        else:
            self.buf.append(ftype)
            self.buf += _varint(_zigzag(fid))
        self.last = fid

    def i32(self, fid: int, v: int) -> _Struct:
        self._head(fid, _T_I32)
        self.buf += _varint(_zigzag(v))
        return self

    def i64(self, fid: int, v: int) -> _Struct:
        self._head(fid, _T_I64)
        self.buf += _varint(_zigzag(v))
        return self

    def string(self, fid: int, v: str) -> _Struct:
        data = v.encode()
        self._head(fid, _T_BINARY)
        self.buf += _varint(len(data)) + data
        return self

    def struct(self, fid: int, v: _Struct) -> _Struct:
        self._head(fid, _T_STRUCT)
        self.buf += v.end()
        return self

    def list(self, fid: int, elem_type: int, items: Sequence[bytes]) -> _Struct:
        self._head(fid, _T_LIST)
        n = len(items)
        self.buf.append((n << 4) | elem_type if n < 15 else 0xF0 | elem_type)
        if n >= 15:
            self.buf += _varint(n)
        for item in items:
            self.buf += item
        return self

    def end(self) -> bytes:
        return bytes(self.buf) + b"\x00"


def _i32_item(v: int) -> bytes:
    return _varint(_zigzag(v))


def _str_item(v: str) -> bytes:
    data = v.encode()
    return _varint(len(data)) + data


def _bitpack(bits: Sequence[int]) -> bytes:
    """Bits LSB first, padded to whole bytes."""
    out = bytearray((len(bits) + 7) // 8)
    for i, b in enumerate(bits):
        if b:
            out[i >> 3] |= 1 << (i & 7)
    return bytes(out)


def _def_levels(present: Sequence[int]) -> bytes:
    """Definition levels (bit width 1) as one bit-packed run of the RLE/bit-packing hybrid,
    prefixed with its length."""
    if not present:
        return struct.pack("<i", 0)
    groups = (len(present) + 7) // 8
    run = _varint((groups << 1) | 1) + _bitpack(list(present) + [0] * (groups * 8 - len(present)))
    return struct.pack("<i", len(run)) + run


def _plain(kind: str, values: Sequence[Any]) -> bytes:
    if kind == "string":
        out = bytearray()
        for v in values:
            data = str(v).encode()
            out += struct.pack("<i", len(data)) + data
        return bytes(out)
    if kind == "int64":
        return struct.pack(f"<{len(values)}q", *(int(v) for v in values))
    if kind == "double":
        return struct.pack(f"<{len(values)}d", *(float(v) for v in values))
    if kind == "bool":
        return _bitpack([1 if v else 0 for v in values])
    raise ValueError(f"unknown column kind {kind!r}; use one of {', '.join(KINDS)}")


def write_parquet(columns: Sequence[tuple[str, str]], rows: Sequence[Sequence[Any]],
                  created_by: str = "flashpoint") -> bytes:
    """A Parquet file of ``rows`` (sequences in ``columns`` order; None is null) with
    ``columns`` as (name, kind) pairs, kind in :data:`KINDS`."""
    out = bytearray(b"PAR1")
    chunks: list[bytes] = []
    total = 0
    for ci, (name, kind) in enumerate(columns):
        if kind not in _TYPE:
            raise ValueError(f"unknown column kind {kind!r} for {name}; use one of "
                             f"{', '.join(KINDS)}")
        col = [r[ci] for r in rows]
        present = [0 if v is None else 1 for v in col]
        body = _def_levels(present) + _plain(kind, [v for v in col if v is not None])
        header = (_Struct().i32(1, _DATA_PAGE).i32(2, len(body)).i32(3, len(body))
                  .struct(5, _Struct().i32(1, len(col)).i32(2, _PLAIN).i32(3, _RLE)
                          .i32(4, _RLE))).end()
        offset = len(out)
        out += header + body
        size = len(header) + len(body)
        total += size
        meta = (_Struct().i32(1, _TYPE[kind])
                .list(2, _T_I32, [_i32_item(_PLAIN), _i32_item(_RLE)])
                .list(3, _T_BINARY, [_str_item(name)])
                .i32(4, _UNCOMPRESSED).i64(5, len(col)).i64(6, size).i64(7, size)
                .i64(9, offset))
        chunks.append(_Struct().i64(2, offset).struct(3, meta).end())
    schema = [_Struct().string(4, "schema").i32(5, len(columns)).end()]
    for name, kind in columns:
        el = _Struct().i32(1, _TYPE[kind]).i32(3, _OPTIONAL).string(4, name)
        if kind == "string":
            el.i32(6, _UTF8)
        schema.append(el.end())
    group = (_Struct().list(1, _T_STRUCT, chunks).i64(2, total).i64(3, len(rows))).end()
    footer = (_Struct().i32(1, 1).list(2, _T_STRUCT, schema).i64(3, len(rows))
              .list(4, _T_STRUCT, [group]).string(6, created_by)).end()
    out += footer + struct.pack("<i", len(footer)) + b"PAR1"
    return bytes(out)
