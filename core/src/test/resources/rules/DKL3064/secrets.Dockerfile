# check=skip=InvalidDefinitionDescription
# a global ARG is not stored in the image (BuildKit does not check it)
ARG GITHUB_TOKEN
FROM scratch
# expect: DKL3064 "Do not use ARG or ENV instructions for sensitive data (ARG \"SECRET_PASSPHRASE\")"
ARG SECRET_PASSPHRASE
# expect: DKL3064 "(ENV \"SUPER_Secret\")"
ENV SUPER_Secret=foo
# expect: DKL3064 "\"password\""
# expect: DKL3064 "\"secret\""
ENV password=bar secret=baz
# expect: DKL3064 "\"super_duper_secret_token\""
# expect: DKL3064 "\"auth\""
ARG super_duper_secret_token=foo auth=bar
# expect: DKL3064 "\"apikey\""
ENV apikey=bar sunflower=foo
# expect: DKL3064 "\"git_key\""
ENV git_key=
ENV PUBLIC_KEY=
ARG public_token
ARG SECRET_PASSPHRASE_FILE
ENV password_file=bar secret_File=baz
ARG AUTH_MODULE_VERSION
ENV TRAVIS_OS_NAME=linux
# hadolint's documented example
# expect: DKL3064
ARG AWS_SECRET_ACCESS_KEY
# public key fingerprints and paths are not secrets (BuildKit reports them)
ENV GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D
ENV DOCKER_CREDENTIAL_GCR_CONFIG=/kaniko/.config/gcloud/docker_credential_gcr_config.json
