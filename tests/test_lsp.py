"""The language server, spoken to over real JSON-RPC on a subprocess's stdin/stdout."""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("pygls.lsp.server")

TIMEOUT = 15.0

DUPLICATE = "Bitcoin fell sharply this week as ETF outflows accelerated and miners sold reserves."
# The emoji before the repeated paragraph's line count two UTF-16 code units each.
TEXT = f"{DUPLICATE}\n\nSomething else 🚀🚀 happened in markets today, for reasons nobody explained.\n\n" \
       f"🚀 {DUPLICATE}\n"


class Client:
    """A minimal LSP client: Content-Length framing, a reader thread and timeouts everywhere."""

    def __init__(self, cwd: Path) -> None:
        env = dict(os.environ, PYTHONUNBUFFERED="1")
        self.proc = subprocess.Popen([sys.executable, "-m", "lintpost", "server"], cwd=cwd, env=env,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.inbox: queue.Queue[dict[str, Any] | None] = queue.Queue()
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        out = self.proc.stdout
        assert out is not None
        while True:
            headers: dict[str, str] = {}
            while True:
                line = out.readline()
                if not line:
                    self.inbox.put(None)
                    return
                line = line.strip()
                if not line:
                    break
                k, _, v = line.decode("ascii").partition(":")
                headers[k.strip().lower()] = v.strip()
            body = out.read(int(headers["content-length"]))
            self.inbox.put(json.loads(body.decode("utf-8")))

    def send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        assert self.proc.stdin is not None
        self.proc.stdin.write(f"Content-Length: {len(body)}\r\n\r\n".encode("ascii") + body)
        self.proc.stdin.flush()

    def notify(self, method: str, params: dict[str, Any]) -> None:
        self.send({"method": method, "params": params})

    def request(self, method: str, params: dict[str, Any] | None) -> Any:
        self.next_id += 1
        rid = self.next_id
        self.send({"id": rid, "method": method, "params": params})
        msg = self.wait(lambda m: m.get("id") == rid and "method" not in m)
        assert "error" not in msg, msg
        return msg.get("result")

    def wait(self, match: Any) -> dict[str, Any]:
        while True:
            try:
                msg = self.inbox.get(timeout=TIMEOUT)
            except queue.Empty:
                raise AssertionError("the server did not answer in time") from None
            if msg is None:
                raise AssertionError(f"the server exited: {self.stderr()}")
            if "method" in msg and "id" in msg:  # a request from the server: answer it
                self.send({"id": msg["id"], "result": None})
                continue
            if match(msg):
                return msg

    def diagnostics(self, uri: str, version: int | None = None) -> list[dict[str, Any]]:
        msg = self.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                        and m["params"]["uri"] == uri
                        and (version is None or m["params"].get("version") == version))
        return msg["params"]["diagnostics"]

    def stderr(self) -> str:
        if self.proc.poll() is None:
            return ""
        assert self.proc.stderr is not None
        return self.proc.stderr.read().decode("utf-8", "replace")

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait(timeout=TIMEOUT)
        for f in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
            if f is not None:
                f.close()


@pytest.fixture
def client(tmp_path: Path) -> Any:
    c = Client(tmp_path)
    try:
        result = c.request("initialize", {"processId": os.getpid(), "rootUri": tmp_path.as_uri(),
                                          "capabilities": {}})
        assert result["serverInfo"]["name"] == "lintpost"
        c.notify("initialized", {})
        yield c
    finally:
        c.close()


def _open(c: Client, uri: str, text: str, version: int = 1) -> None:
    c.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "markdown",
                                                       "version": version, "text": text}})


def test_session(client: Client, tmp_path: Path) -> None:
    uri = (tmp_path / "post.md").as_uri()
    _open(client, uri, TEXT)
    diags = client.diagnostics(uri, 1)
    dup = [d for d in diags if d["code"] == "duplicate-paragraph"]
    assert len(dup) == 1
    d = dup[0]
    assert d["source"] == "lintpost" and d["severity"] == 2
    # Line 5 (0-based 4) starts with "🚀 ": the copy begins after 3 UTF-16 units, ends after 3 + its length.
    assert d["range"]["start"] == {"line": 4, "character": 0}
    assert d["range"]["end"] == {"line": 4, "character": 3 + len(DUPLICATE)}
    assert d["relatedInformation"][0]["location"]["range"]["start"] == {"line": 0, "character": 0}

    # A figure after two emoji: code-point column 20 (0-based), UTF-16 column 22.
    figure_line = "The token 🚀🚀 gained 45% in a single week."
    client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2},
                                             "contentChanges": [{"text": figure_line + "\n"}]})
    (fig,) = [x for x in client.diagnostics(uri, 2) if x["code"] == "unsourced-figure"]
    assert figure_line.index("45%") == 20
    assert fig["range"] == {"start": {"line": 0, "character": 22}, "end": {"line": 0, "character": 25}}

    # didChange: the copy is gone, so is the diagnostic.
    client.notify("textDocument/didChange", {
        "textDocument": {"uri": uri, "version": 3},
        "contentChanges": [{"text": f"{DUPLICATE}\n\nSomething else happened today in markets.\n"}]})
    assert not [d for d in client.diagnostics(uri, 3) if d["code"] == "duplicate-paragraph"]

    # Back to the duplicate; ask for code actions on its line.
    client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 4},
                                             "contentChanges": [{"text": TEXT}]})
    d = next(x for x in client.diagnostics(uri, 4) if x["code"] == "duplicate-paragraph")
    actions = client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": d["range"], "context": {"diagnostics": [d]}})
    quick = [a for a in actions if a["kind"] == "quickfix"]
    assert len(quick) == 1 and "duplicate-paragraph" in quick[0]["title"]
    (edit,) = quick[0]["edit"]["changes"][uri]
    assert edit["newText"] == ""
    # The edit removes the copy and the blank line before it, up to the end of the file.
    assert edit["range"] == {"start": {"line": 3, "character": 0}, "end": {"line": 5, "character": 0}}

    # Hover inside the finding (after the emoji, in UTF-16 units) shows the rule's explanation.
    hov = client.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                "position": {"line": 4, "character": 5}})
    assert "duplicate-paragraph" in hov["contents"]["value"]
    assert "Why:" in hov["contents"]["value"]
    assert client.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                 "position": {"line": 1, "character": 0}}) is None

    # didSave re-publishes.
    client.notify("textDocument/didSave", {"textDocument": {"uri": uri}})
    assert any(x["code"] == "duplicate-paragraph" for x in client.diagnostics(uri))

    assert client.request("shutdown", None) is None
    client.notify("exit", None)
    assert client.proc.wait(timeout=TIMEOUT) == 0


def test_broken_buffers_do_not_stop_the_server(client: Client, tmp_path: Path) -> None:
    uri = (tmp_path / "draft.md").as_uri()
    for version, text in enumerate(["", "```\nunclosed fence", "<!-- lintpost-disable", "\x00\ud800"
                                    "# [link](", "|a|b\n|-", TEXT], 1):
        _open(client, uri, text, version) if version == 1 else client.notify(
            "textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                       "contentChanges": [{"text": text}]})
    # The last version is linted whatever happened before.
    assert any(d["code"] == "duplicate-paragraph" for d in client.diagnostics(uri, 6))
    assert client.proc.poll() is None


def test_config_of_the_documents_folder(client: Client, tmp_path: Path) -> None:
    sub = tmp_path / "quiet"
    sub.mkdir()
    (sub / ".lintpost.toml").write_text('ignore = ["duplicate-paragraph"]\n', encoding="utf-8")
    uri = (sub / "post.md").as_uri()
    _open(client, uri, TEXT)
    assert not [d for d in client.diagnostics(uri, 1) if d["code"] == "duplicate-paragraph"]


def test_missing_pygls_is_explained(tmp_path: Path) -> None:
    # Hide pygls behind a module that fails to import.
    (tmp_path / "pygls").mkdir()
    (tmp_path / "pygls" / "__init__.py").write_text("raise ImportError('hidden for the test')\n")
    env = dict(os.environ, PYTHONPATH=str(tmp_path))
    proc = subprocess.run([sys.executable, "-m", "lintpost", "server"], env=env, capture_output=True,
                          text=True, timeout=TIMEOUT, stdin=subprocess.DEVNULL)
    assert proc.returncode == 2
    assert "pip install 'lintpost[lsp]'" in proc.stderr


def test_a_failure_is_logged_and_publishes_nothing(client: Client, tmp_path: Path) -> None:
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / ".lintpost.toml").write_text("select = [\n", encoding="utf-8")  # not valid TOML
    uri = (bad / "post.md").as_uri()
    _open(client, uri, TEXT)
    log = client.wait(lambda m: m.get("method") in ("window/logMessage", "textDocument/publishDiagnostics"))
    assert log["method"] == "window/logMessage"
    assert "could not check" in log["params"]["message"] and "not valid TOML" in log["params"]["message"]
    # The server is still there and checks the next document.
    ok = (tmp_path / "ok.md").as_uri()
    _open(client, ok, TEXT)
    assert any(d["code"] == "duplicate-paragraph" for d in client.diagnostics(ok, 1))


def test_a_client_may_choose_code_points(tmp_path: Path) -> None:
    c = Client(tmp_path)
    try:
        result = c.request("initialize", {"processId": os.getpid(), "rootUri": tmp_path.as_uri(),
                                          "capabilities": {"general": {"positionEncodings": ["utf-32"]}}})
        assert result["capabilities"]["positionEncoding"] == "utf-32"
        c.notify("initialized", {})
        uri = (tmp_path / "post.md").as_uri()
        _open(c, uri, "The token 🚀🚀 gained 45% in a single week.\n")
        (fig,) = [x for x in c.diagnostics(uri, 1) if x["code"] == "unsourced-figure"]
        assert fig["range"]["start"] == {"line": 0, "character": 20}
    finally:
        c.close()


def test_no_stale_fixes_after_a_failed_check(client: Client, tmp_path: Path) -> None:
    folder = tmp_path / "site"
    folder.mkdir()
    config = folder / ".lintpost.toml"
    config.write_text("fail-on = \"warning\"\n", encoding="utf-8")
    uri = (folder / "post.md").as_uri()
    _open(client, uri, TEXT)
    d = next(x for x in client.diagnostics(uri, 1) if x["code"] == "duplicate-paragraph")
    config.write_text("fail-on = [\n", encoding="utf-8")  # broken while the post is being edited
    client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2},
                                             "contentChanges": [{"text": "New text.\n\n" + TEXT}]})
    client.wait(lambda m: m.get("method") == "window/logMessage")
    # The fix computed for version 1 would now remove the wrong lines: none is offered.
    assert client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": d["range"], "context": {"diagnostics": [d]}}) == []
