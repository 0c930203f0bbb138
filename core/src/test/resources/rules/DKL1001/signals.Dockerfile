FROM node:20-alpine
WORKDIR /app
COPY . .
# expect: DKL1001 "JSON arguments recommended for CMD to prevent unintended behavior related to OS signals" severity=warning fix="Use exec form: CMD ["
CMD node server.js
# a comment after the array makes it invalid JSON: shell form
# expect: DKL1001 "starts with '[' but is not a JSON array of strings"
ENTRYPOINT ["myentrypoint"] # This should clear out CMD
