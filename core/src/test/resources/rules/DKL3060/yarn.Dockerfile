FROM node:20 AS deps
# only copied from
RUN yarn install
FROM node:20
# hadolint's documented example
# expect: DKL3060 "`yarn cache clean` missing after `yarn install` was run."
RUN yarn install
RUN yarn install && yarn cache clean
# expect: DKL3060
RUN yarn cache clean && yarn install
RUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install
COPY --from=deps /node_modules /node_modules
