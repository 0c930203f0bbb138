#!/bin/sh
echo "checked out on Windows"
