#!/bin/sh
echo clean up
