"""Staff log in through the two-factor login: a code is asked for once they have set one up."""

from http import HTTPStatus

import pytest
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LOGIN = "/account/login/"
PASSWORD = "correct horse battery"


def password_step(client, username):
    return client.post(
        f"{LOGIN}?next=/admin/",
        {"login_view-current_step": "auth", "auth-username": username, "auth-password": PASSWORD},
    )


def test_admin_login_goes_through_the_two_factor_login(client):
    response = client.get("/admin/login/?next=/admin/blog/post/")
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == "/account/login/?next=%2Fadmin%2Fblog%2Fpost%2F"


def test_admin_login_refuses_to_send_readers_elsewhere(client):
    response = client.get("/admin/login/?next=https://evil.example/")
    assert response["Location"] == "/account/login/?next=%2Fadmin%2F"


def test_staff_without_a_device_log_in_with_their_password():
    UserFactory(username="editor", is_staff=True)
    client = Client()
    response = password_step(client, "editor")
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == HTTPStatus.OK


def test_staff_with_an_authenticator_must_give_its_code(settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # retry at once after the wrong code
    user = UserFactory(username="editor", is_staff=True)
    device = TOTPDevice.objects.create(user=user, name="default", confirmed=True)
    client = Client()
    response = password_step(client, "editor")
    assert response.status_code == HTTPStatus.OK
    assert "token-otp_token" in response.text
    assert client.get("/admin/").status_code == HTTPStatus.FOUND
    wrong = client.post(LOGIN, {"login_view-current_step": "token", "token-otp_token": "000000"})
    assert wrong.status_code == HTTPStatus.OK and "errorlist" in wrong.text
    code = f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"
    right = client.post(LOGIN, {"login_view-current_step": "token", "token-otp_token": code})
    assert right.status_code == HTTPStatus.FOUND
    assert client.get("/admin/").status_code == HTTPStatus.OK


def test_staff_can_open_their_two_factor_settings(staff_client):
    response = staff_client.get("/account/two_factor/")
    assert response.status_code == HTTPStatus.OK
    assert "Two-factor authentication" in staff_client.get("/admin/").text
