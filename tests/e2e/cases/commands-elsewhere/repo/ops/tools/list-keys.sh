#!/bin/sh
echo listing
