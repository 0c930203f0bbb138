FROM docker:27-cli
# expect: DKL1202 "'--platform=linux/amd64' hard-codes amd64"
RUN docker build --platform=linux/amd64 -t app .
# expect: DKL1202 "'--target x86_64-unknown-linux' hard-codes amd64"
RUN cargo build --release --target x86_64-unknown-linux-musl
# expect: DKL1202 "'-r linux-x64' hard-codes amd64"
RUN dotnet publish -c Release -r linux-x64 -o /app
