#!/bin/sh
echo "never marked executable"
