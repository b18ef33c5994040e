"""pytest plugin (loaded with -p openslides_ts_http): upstream's system tests talk to a running
openslides-ts over HTTP instead of calling upstream's WSGI app in-process.

The test client keeps its werkzeug surface (cookies, auth header handling); only the application
it calls is replaced by a forwarder that sends each request to OPENSLIDES_TS_URL. Login goes
through osauthlib to AUTH_HOST/AUTH_PORT, which the runner points at the same server.
"""

import http.cookies
import os
import urllib.error
import urllib.request

import pytest

TARGET = os.environ["OPENSLIDES_TS_URL"].rstrip("/")
HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "content-length", "host"}


class HttpForwarder:
    """A WSGI application that forwards to the server; other attributes come from the real app."""

    def __init__(self, app):
        self._app = app

    def __getattr__(self, name):
        return getattr(self._app, name)

    def _remember_authentication(self, environ):
        """What upstream's views do on every request: the test's auth adapter learns the caller's
        token and cookie, so tests that check the session afterwards (assert_logged_in/out) ask
        the server's auth routes about the right session."""
        cookies = http.cookies.SimpleCookie()
        try:
            cookies.load(environ.get("HTTP_COOKIE", ""))
            refresh_id = cookies["refreshId"].value if "refreshId" in cookies else ""
            self._app.services.authentication().set_authentication(environ.get("HTTP_AUTHENTICATION", ""), refresh_id)
        except (http.cookies.CookieError, AttributeError):
            pass

    def __call__(self, environ, start_response):
        self._remember_authentication(environ)
        query = environ.get("QUERY_STRING")
        url = TARGET + environ.get("PATH_INFO", "/") + (f"?{query}" if query else "")
        length = int(environ.get("CONTENT_LENGTH") or 0)
        body = environ["wsgi.input"].read(length) if length else None
        headers = {}
        for key, value in environ.items():
            if key.startswith("HTTP_"):
                headers[key[5:].replace("_", "-").title()] = value
        if environ.get("CONTENT_TYPE"):
            headers["Content-Type"] = environ["CONTENT_TYPE"]
        request = urllib.request.Request(url, data=body, headers=headers, method=environ["REQUEST_METHOD"])
        try:
            response = urllib.request.urlopen(request, timeout=600)
        except urllib.error.HTTPError as error:
            response = error
        payload = response.read()
        reply_headers = [(k, v) for k, v in response.headers.items() if k.lower() not in HOP_BY_HOP]
        reply_headers.append(("Content-Length", str(len(payload))))
        start_response(f"{response.status} {response.reason}", reply_headers)
        return [payload]


@pytest.hookimpl(tryfirst=True)
def pytest_sessionstart(session):
    from tests.system.base import BaseSystemTestCase
    from tests.util import Client

    def create_client(self, on_auth_data_changed=None):
        return Client(HttpForwarder(self.app), on_auth_data_changed)

    BaseSystemTestCase.create_client = create_client

    # Upstream's reset_redis deletes the keys under the auth service's session prefix. Our server
    # keeps its sessions there (upstream's Redis layout), so the admin session that the test base
    # logs in once and reuses for every later test is gone with them: log in again after a reset,
    # as a fresh test session would.
    from copy import deepcopy

    from tests.system.action.base import BaseActionTestCase
    from tests.system.base import ADMIN_PASSWORD, ADMIN_USERNAME

    upstream_reset_redis = BaseActionTestCase.reset_redis

    def reset_redis(self):
        upstream_reset_redis(self)
        BaseSystemTestCase.auth_data = None
        if self.init_with_login:
            self.client.login(ADMIN_USERNAME, ADMIN_PASSWORD)
            BaseSystemTestCase.auth_data = deepcopy(self.client.auth_data)

    BaseActionTestCase.reset_redis = reset_redis
