#!/bin/sh
echo "saved by a Windows editor"
