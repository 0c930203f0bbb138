FROM golang:1.22
# hadolint's documented example
# expect: DKL3062 "Pin versions in go"
RUN go install example.com/pkg
RUN go install example.com/pkg@v1.2.3
# expect: DKL3062 "(unpinned: example.com/pkg@latest)"
RUN go install example.com/pkg@latest
RUN go install ./...
RUN go install -v .
RUN go get -d ./...
# expect: DKL3062
RUN go run example.com/tool arg1 arg2
RUN go run ./cmd/tool example.com/not-a-package
RUN go build -o /app .
RUN go run make.go
RUN go install tool
