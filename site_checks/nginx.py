"""A local nginx serving `output/` under a path prefix, as a static host does."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from pathlib import Path
from string import Template

# A free port for nginx comes from the tools, which start servers too.
from press.ports import HOST, free_port

__all__ = ["HOST", "StaticHost", "free_port"]
CONFIG = Path(__file__).with_name("nginx.conf")
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
START_SECONDS = 10


def accepts(port: int) -> bool:
    """Tell whether something accepts connections on the port."""
    with socket.socket() as sock:
        return sock.connect_ex((HOST, port)) == 0


class StaticHost:
    """nginx on 127.0.0.1 serving a folder at `/prefix/`, started and stopped."""

    def __init__(self, root: Path, state: Path, port: int, prefix: str = "/blog"):
        """Serve `root` at 127.0.0.1:port/prefix/; nginx keeps its files in `state`."""
        self.root = Path(root).resolve()
        self.state = Path(state).resolve()
        self.port = port
        self.prefix = prefix.rstrip("/")
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        """The address of the site's home page."""
        return f"http://{HOST}:{self.port}{self.prefix}/"

    def config(self) -> str:
        """Render nginx.conf for this folder, port and prefix."""
        # Run as root, nginx would hand requests to `nobody`, who cannot read
        # a private temporary folder.
        user = "user root;" if os.geteuid() == 0 else ""
        return Template(CONFIG.read_text(encoding="utf-8")).substitute(
            user=user,
            state=self.state,
            port=self.port,
            prefix=self.prefix,
            root=self.root,
        )

    def start(self) -> None:
        """Start nginx in the foreground and wait until it accepts connections."""
        self.state.mkdir(parents=True, exist_ok=True)
        conf = self.state / "nginx.conf"
        conf.write_text(self.config(), encoding="utf-8")
        log = self.state / "error.log"
        with (self.state / "nginx.out").open("wb") as out:
            self.process = subprocess.Popen(
                [
                    NGINX,
                    *("-p", str(self.state), "-c", str(conf), "-e", str(log)),
                    *("-g", "daemon off;"),
                ],
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + START_SECONDS
        while not accepts(self.port):
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(
                    f"nginx did not start on port {self.port}: {self.said()}"
                )
            time.sleep(0.05)

    def said(self) -> str:
        """Return what nginx wrote to its output and error log."""
        files = (self.state / "nginx.out", self.state / "error.log")
        return " ".join(
            file.read_text(errors="replace").strip() for file in files if file.exists()
        )

    def stop(self) -> None:
        """Stop nginx (fast shutdown) and wait for it to exit."""
        if self.process is None:
            return
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=START_SECONDS)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None

    def __enter__(self) -> StaticHost:
        """Start serving."""
        self.start()
        return self

    def __exit__(self, *exc_info) -> None:
        """Stop serving."""
        self.stop()
