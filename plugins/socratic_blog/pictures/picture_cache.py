"""Pictures made for publishing, kept in `.cache/` by their source's bytes.

Two kinds: a private copy (orientation applied, EXIF and XMP removed, the
colour profile kept), published in place of a raster that carries metadata,
and the WebP copies at a few widths a body picture is shown at. Both are
named by the source's bytes and the encoding, so a warm build (and a deploy
that restores `.cache/`) makes none of them again.
"""

from __future__ import annotations

import functools
import hashlib
import json
import tempfile
from dataclasses import dataclass
from pathlib import Path

import PIL
from PIL import Image, ImageOps, features

from .cached_files import cached

# Lossy WebP at a quality where photos and screenshots show no artefacts at
# their shown size; AVIF was measured three to four times slower to encode
# (Pillow 13 here) for no smaller file, so it is left out.
VARIANT_OPTIONS = {"quality": 80, "method": 4}
# A private copy is encoded again: as close to the original as JPEG allows.
PRIVATE_OPTIONS = {
    "JPEG": {"quality": 92},
    "WEBP": {"quality": 92},
    "AVIF": {"quality": 90},
    "PNG": {},
    "TIFF": {},
}
# What a published copy keeps of the source's own information.
KEPT_INFO = ("icc_profile", "transparency")
# Rasters a private copy is made of; a GIF carries no EXIF.
PRIVATE_FORMATS = {"JPEG": "JPEG", "MPO": "JPEG", "PNG": "PNG", "WEBP": "WEBP"}
PRIVATE_FORMATS |= {"AVIF": "AVIF", "TIFF": "TIFF"}


@functools.cache
def encoding() -> str:
    """Say what a made picture's bytes depend on besides its source's bytes."""
    return json.dumps(
        [PIL.__version__, features.version("webp"), VARIANT_OPTIONS, PRIVATE_OPTIONS]
    )


def carries_metadata(source: Path) -> bool:
    """Tell whether a raster holds EXIF (location, orientation, camera) or XMP."""
    try:
        with Image.open(source) as picture:
            if picture.format not in PRIVATE_FORMATS:
                return False
            info = picture.info
            return bool(picture.getexif()) or any("xmp" in key.lower() for key in info)
    except (OSError, SyntaxError, ValueError):
        return False


def kept_info(picture: Image.Image) -> dict:
    """Return the source information a copy keeps: its colour profile (and alpha)."""
    return {key: picture.info[key] for key in KEPT_INFO if key in picture.info}


def upright(picture: Image.Image) -> Image.Image:
    """Return the picture turned as its EXIF says, with no other information."""
    turned = ImageOps.exif_transpose(picture)
    turned.info = kept_info(picture)
    return turned


def save_private(source: Path, target: Path) -> None:
    """Write `source` upright with its EXIF and XMP removed into `target`."""
    with Image.open(source) as picture:
        kind = PRIVATE_FORMATS[picture.format]
        options = {**PRIVATE_OPTIONS[kind], **kept_info(picture)}
        if getattr(picture, "n_frames", 1) > 1:
            picture.info = kept_info(picture)
            picture.save(target, kind, save_all=True, **options)
            return
        upright(picture).save(target, kind, **options)


def webp_ready(picture: Image.Image) -> Image.Image:
    """Return the picture in a mode WebP encodes (RGB, or RGBA with transparency)."""
    if picture.mode in ("RGB", "RGBA"):
        return picture
    alpha = picture.mode in ("LA", "PA") or "transparency" in picture.info
    return picture.convert("RGBA" if alpha else "RGB")


def save_variants(source: Path, targets: dict[int, Path]) -> None:
    """Encode the WebP copies of `source` at each width into its target."""
    widest = max(targets)
    with Image.open(source) as picture:
        turned = picture.getexif().get(274, 1) in (5, 6, 7, 8)
        shown_width = picture.height if turned else picture.width
        scale = widest / shown_width
        # A JPEG decodes at 1/2, 1/4 or 1/8 of its size much faster.
        picture.draft(
            "RGB", (round(picture.width * scale), round(picture.height * scale))
        )
        current = webp_ready(upright(picture))
        icc = kept_info(picture).get("icc_profile")
    for width in sorted(targets, reverse=True):
        height = max(1, round(current.height * width / current.width))
        current = current.resize((width, height), Image.Resampling.LANCZOS)
        extra = {"icc_profile": icc} if icc else {}
        current.save(targets[width], "WEBP", **VARIANT_OPTIONS, **extra)


@dataclass
class PictureCache:
    """Private copies and WebP copies by their source's bytes, outliving the output."""

    folder: Path
    made: int = 0
    reused: int = 0

    def digest(self, source: Path) -> str:
        """Name what is made of `source` by its bytes and the encoding."""
        digest = hashlib.sha256(source.read_bytes())
        digest.update(encoding().encode())
        return digest.hexdigest()

    def private_copy(self, source: Path) -> Path:
        """Return `source` itself when it carries no metadata, else its private copy."""
        if not carries_metadata(source):
            return source
        name = f"{self.digest(source)}-private{source.suffix.lower()}"
        path, made = cached(self.folder, name, lambda part: save_private(source, part))
        self.count(made)
        return path

    def variants(self, source: Path, widths: tuple[int, ...]) -> dict[int, Path]:
        """Return the WebP copies of `source` at `widths`, encoding the missing ones."""
        digest = self.digest(source)
        paths = {width: self.folder / f"{digest}-{width}w.webp" for width in widths}
        missing = {width: path for width, path in paths.items() if not path.is_file()}
        if missing:
            self.folder.mkdir(parents=True, exist_ok=True)
            partial = {width: self.partial() for width in missing}
            save_variants(source, partial)
            for width, part in partial.items():
                part.replace(missing[width])
        self.count(bool(missing))
        return paths

    def partial(self) -> Path:
        """Name a file to encode into, renamed once whole (workers may race)."""
        with tempfile.NamedTemporaryFile(
            dir=self.folder, suffix=".webp", delete=False
        ) as file:
            return Path(file.name)

    def count(self, made: bool) -> None:
        """Count a picture made or found."""
        self.made += made
        self.reused += not made


def picture_cache(settings: dict) -> PictureCache:
    """Open the site's picture cache: PICTURES_CACHE, else `.cache/pictures`."""
    default = Path(settings["PATH"]).parent / ".cache" / "pictures"
    return PictureCache(Path(settings.get("PICTURES_CACHE") or default))
