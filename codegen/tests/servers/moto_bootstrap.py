"""Seeds a running moto server (started with INITIAL_NO_AUTH_ACTION_COUNT=0)
with the IAM users the validation tests use, then switches authentication back on.

moto has no root credentials: with INITIAL_NO_AUTH_ACTION_COUNT=N only the
first N actions skip its signature and IAM policy checks. moto's own
`set_initial_no_auth_action_count` helper uses the `/moto-api/reset-auth`
endpoint for this in server mode, and so does this script: it opens an
unauthenticated window, creates the users and keys, and sets the count back
to 0 so that every later request is signature-checked and authorised.

Usage: python moto_bootstrap.py http://127.0.0.1:PORT
For an https endpoint (moto_server --ssl, a self-signed certificate) the
certificate is not verified: the server is on loopback and started by the test.
Prints one JSON object with the created access keys on stdout.
"""

import json
import ssl
import sys
import urllib.request

import boto3
import urllib3

endpoint = sys.argv[1]
tls = endpoint.startswith("https://")
ssl_context = ssl._create_unverified_context() if tls else None
if tls:
    urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)


def reset_auth(count: str) -> None:
    req = urllib.request.Request(
        f"{endpoint}/moto-api/reset-auth",
        data=count.encode(),
        method="POST",
        # Not a form: moto reads the raw body as the new count.
        headers={"Content-Type": "text/plain"},
    )
    with urllib.request.urlopen(req, timeout=10, context=ssl_context) as resp:
        resp.read()


ALLOW_DESCRIBE_REGIONS = json.dumps(
    {
        "Version": "2012-10-17",
        "Statement": [
            {"Effect": "Allow", "Action": "ec2:DescribeRegions", "Resource": "*"}
        ],
    }
)
DENY_EC2 = json.dumps(
    {
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Deny", "Action": "ec2:*", "Resource": "*"}],
    }
)

reset_auth("inf")
try:
    iam = boto3.client(
        "iam",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id="bootstrap",
        aws_secret_access_key="bootstrap",
        verify=not tls,
    )
    out = {}
    for user, policy in (
        ("allowed", ALLOW_DESCRIBE_REGIONS),
        ("no-policy", None),
        ("denied", DENY_EC2),
    ):
        iam.create_user(UserName=user)
        if policy is not None:
            iam.put_user_policy(
                UserName=user, PolicyName=f"{user}-policy", PolicyDocument=policy
            )
        key = iam.create_access_key(UserName=user)["AccessKey"]
        out[user] = {
            "access_key_id": key["AccessKeyId"],
            "secret_access_key": key["SecretAccessKey"],
        }
finally:
    reset_auth("0")

print(json.dumps(out))
