#!/bin/sh
echo freeze
