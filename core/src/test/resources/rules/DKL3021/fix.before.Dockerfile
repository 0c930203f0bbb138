FROM node:20
# expect: DKL3021
COPY package.json yarn.lock /app
